namespace LocalCloud.Lambda.Execution;

/// <summary>An accepted Event invocation until it ends: all a restart needs to carry on where it was.</summary>
/// <param name="Received">When Invoke accepted it; MaximumEventAgeInSeconds counts from here.</param>
internal sealed record QueuedEvent(string AccountId, string Region, string FunctionName, string RequestId, ReadOnlyMemory<byte> Payload, DateTimeOffset Received)
{
    public int FailedAttempts { get; init; }

    /// <summary>The published version invoked (through its number or an alias); null = $LATEST.</summary>
    public string? Version { get; init; }

    /// <summary>When the next attempt is due after a failure; null = as soon as there is room.</summary>
    public DateTimeOffset? NextAttempt { get; init; }
}
