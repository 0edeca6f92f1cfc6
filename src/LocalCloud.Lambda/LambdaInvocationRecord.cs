namespace LocalCloud.Lambda;

/// <summary>One finished invocation, as the monitor lists them (newest first from <see cref="LambdaService.RecentInvocations"/>).</summary>
/// <param name="InitDuration">Set for a cold start: from the worker process's start to its first /next.</param>
/// <param name="ErrorType">Null on success; else the function's errorType, "Sandbox.Timedout", "Runtime.ExitError", ...</param>
public sealed record LambdaInvocationRecord(
    string FunctionName,
    string RequestId,
    string InvocationType,
    DateTimeOffset Start,
    TimeSpan Duration,
    long BilledDurationMs,
    TimeSpan? InitDuration,
    string? ErrorType,
    string? WorkerId)
{
    public bool ColdStart => InitDuration is not null;

    /// <summary>
    /// The last 4 KB of the invocation's log (what the worker wrote, then END and REPORT), as Invoke's LogType Tail
    /// returns it: kept bounded because the service holds hundreds of recent invocations.
    /// </summary>
    public string Log { get; init; } = "";
}
