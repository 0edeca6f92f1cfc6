namespace Aws.Clients.Scheduler;

/// <summary>Where undeliverable events go.</summary>
public sealed record DeadLetterConfig
{
    /// <summary>SQS queue ARN.</summary>
    public string? Arn { get; init; }
}
