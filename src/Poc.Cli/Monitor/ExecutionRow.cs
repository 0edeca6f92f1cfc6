namespace Poc.Cli.Monitor;

/// <summary>One execution as the monitor lists it.</summary>
/// <param name="Name">The execution name.</param>
/// <param name="Status">RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, …</param>
/// <param name="CurrentState">"State (LastEventType)" from the history (<see cref="History.HistoryAnalysis.CurrentState"/>).</param>
/// <param name="Start">When it started.</param>
/// <param name="Stop">When it stopped; null while it runs.</param>
public sealed record ExecutionRow(string Name, string Status, string CurrentState, DateTimeOffset Start, DateTimeOffset? Stop)
{
    /// <summary>The execution's ARN.</summary>
    public string Arn { get; init; } = "";
}
