namespace LocalCloud.Lambda.Execution;

internal enum EventStep
{
    /// <summary>No concurrency left for the function: the event waits in the queue.</summary>
    Throttled,

    /// <summary>The function failed; the next attempt is due after <see cref="EventNotice.Delay"/>.</summary>
    RetryScheduled,

    Succeeded,

    /// <summary>Every attempt failed: the event is discarded.</summary>
    RetriesExhausted,

    /// <summary>The event reached MaximumEventAgeInSeconds before it could run (again): discarded.</summary>
    Expired,

    /// <summary>The function was deleted while the event waited.</summary>
    FunctionDeleted,
}
