namespace Poc.Cli.Runs;

/// <summary>The state of a run at one moment, for progress views.</summary>
/// <param name="Executions">Every execution as last seen.</param>
/// <param name="PollerInvocations">How often poc invoked the poller so far.</param>
/// <param name="Elapsed">Time since the executions started.</param>
/// <param name="PollerNote">The last poller result or error, when poc triggers it.</param>
public sealed record RunSnapshot(IReadOnlyList<ExecutionObservation> Executions, int PollerInvocations, TimeSpan Elapsed, string? PollerNote);
