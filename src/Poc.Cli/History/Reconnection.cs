namespace Poc.Cli.History;

/// <summary>How fast the workflow resumed once the callback task ended.</summary>
/// <param name="Outcome">The ending event: TaskSucceeded, TaskFailed or TaskTimedOut.</param>
/// <param name="NextState">The state entered next.</param>
/// <param name="Latency">From the ending event to the next *StateEntered event.</param>
public sealed record Reconnection(HistoryEvent Outcome, HistoryEvent NextState, TimeSpan Latency);
