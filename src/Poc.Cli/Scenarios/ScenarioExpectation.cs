namespace Poc.Cli.Scenarios;

/// <summary>How an execution of a scenario must end (docs/error-scenarios.md).</summary>
/// <param name="ExecutionStatus">SUCCEEDED or FAILED.</param>
/// <param name="Error">The execution's error, or null when it must succeed.</param>
/// <param name="RecordStatus">The poc-task-tokens status the poller leaves behind.</param>
/// <param name="MinAttempts">Polling cycles the scenario implies before the outcome.</param>
public sealed record ScenarioExpectation(string ExecutionStatus, string? Error, string RecordStatus, int MinAttempts)
{
    /// <summary>True when the execution must succeed (and its output must carry the completed job).</summary>
    public bool Succeeds => ExecutionStatus == ExecutionStatuses.Succeeded;
}
