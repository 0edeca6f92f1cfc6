namespace JobOrchestration.Functions.Poller;

/// <summary>
/// What the poller does with one job after a check. For SendSuccess, Output is the task's result; for SendFailure,
/// Error and Cause go to SendTaskFailure. TerminalStatus is what the token record becomes once the callback is delivered.
/// </summary>
public sealed record PollAction(PollActionKind Kind, string? TerminalStatus = null, string? Output = null, string? Error = null, string? Cause = null)
{
    public static PollAction KeepPolling { get; } = new(PollActionKind.KeepPolling);
}
