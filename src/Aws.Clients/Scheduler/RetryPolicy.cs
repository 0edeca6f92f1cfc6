namespace Aws.Clients.Scheduler;

/// <summary>Retries of a failed target invocation.</summary>
public sealed record RetryPolicy
{
    /// <summary>60-86400.</summary>
    public int? MaximumEventAgeInSeconds { get; init; }

    /// <summary>0-185.</summary>
    public int? MaximumRetryAttempts { get; init; }
}
