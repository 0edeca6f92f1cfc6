namespace Aws.Clients.Scheduler;

/// <summary>A target as listed.</summary>
public sealed record TargetSummary
{
    /// <summary>Target ARN.</summary>
    public string Arn { get; init; } = string.Empty;
}
