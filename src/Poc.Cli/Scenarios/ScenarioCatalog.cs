namespace Poc.Cli.Scenarios;

/// <summary>The happy path and every error path of the callback pattern, as docs/error-scenarios.md describes them.</summary>
public static class ScenarioCatalog
{
    /// <summary>The job completes after two checks; the poller sends SendTaskSuccess.</summary>
    public static Scenario Success { get; } = new(
        "success", "job completes after 2 checks", "complete",
        new ScenarioExpectation(ExecutionStatuses.Succeeded, null, RecordStatuses.Completed, MinAttempts: 2))
    {
        ChecksToComplete = 2,
    };

    /// <summary>The job fails after two checks; the poller sends SendTaskFailure(JobFailed).</summary>
    public static Scenario JobFailed { get; } = new(
        "job-failed", "job fails after 2 checks", "fail",
        new ScenarioExpectation(ExecutionStatuses.Failed, "JobFailed", RecordStatuses.Failed, MinAttempts: 2))
    {
        ChecksToComplete = 2,
    };

    /// <summary>The job never finishes; the poller gives up after three attempts.</summary>
    public static Scenario MaxAttempts { get; } = new(
        "max-attempts", "job never ends, poller gives up after 3 attempts", "never",
        new ScenarioExpectation(ExecutionStatuses.Failed, "MaxAttemptsExceeded", RecordStatuses.MaxAttempts, MinAttempts: 3))
    {
        MaxAttempts = 3,
    };

    /// <summary>The job never finishes; the poller's deadline (2.5 poll intervals) passes first.</summary>
    public static Scenario PollingTimeout { get; } = new(
        "polling-timeout", "job never ends, polling deadline passes", "never",
        new ScenarioExpectation(ExecutionStatuses.Failed, "PollingTimeout", RecordStatuses.Timeout, MinAttempts: 2))
    {
        MaxAttempts = 1000,
        PollingTimeoutIntervals = 2.5,
    };

    /// <summary>
    /// The job never finishes; the callback task's own TimeoutSeconds (2.5 poll intervals) fires. The polling
    /// deadline (4 intervals) comes later on purpose: the poller only calls back at a limit, and that late
    /// SendTaskFailure is what meets TaskTimedOut and marks the record TIMEOUT.
    /// </summary>
    public static Scenario StateTimeout { get; } = new(
        "state-timeout", "job never ends, the task state times out", "never",
        new ScenarioExpectation(ExecutionStatuses.Failed, "States.Timeout", RecordStatuses.Timeout, MinAttempts: 2))
    {
        MaxAttempts = 1000,
        PollingTimeoutIntervals = 4,
        TaskTimeoutIntervals = 2.5,
    };

    /// <summary>Every scenario, happy path first.</summary>
    public static IReadOnlyList<Scenario> All { get; } = [Success, JobFailed, MaxAttempts, PollingTimeout, StateTimeout];

    /// <summary>Every scenario name, as --scenario accepts them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <summary>The scenario called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static Scenario? Find(string name)
        => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
