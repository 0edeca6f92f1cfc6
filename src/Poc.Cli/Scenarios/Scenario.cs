using System.Text.Json.Nodes;

namespace Poc.Cli.Scenarios;

/// <summary>One way a job can go, the workflow input that provokes it, and how the execution must end.</summary>
/// <param name="Name">The --scenario name, e.g. <c>max-attempts</c>.</param>
/// <param name="Description">One line for tables and help.</param>
/// <param name="JobScenario">What the simulated API does with the job: complete, fail or never.</param>
/// <param name="Expectation">How the execution and its record must end.</param>
public sealed record Scenario(string Name, string Description, string JobScenario, ScenarioExpectation Expectation)
{
    /// <summary>How many status checks a complete/fail job takes (docs/data-model.md, the job API).</summary>
    public int? ChecksToComplete { get; init; }

    /// <summary>The poller's attempt limit, when the scenario sets one.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>The polling deadline in poll intervals, when the scenario sets one.</summary>
    public double? PollingTimeoutIntervals { get; init; }

    /// <summary>The callback task's TimeoutSeconds in poll intervals, when the scenario sets one.</summary>
    public double? TaskTimeoutIntervals { get; init; }

    /// <summary>False for scenarios the polling baseline cannot show (it has no callback task to time out).</summary>
    public bool AppliesToBaseline => TaskTimeoutIntervals is null;

    /// <summary>The workflow input (docs/data-model.md, "The workflow input") for a poll interval of <paramref name="pollIntervalSeconds"/>.</summary>
    public JsonObject BuildInput(string jobName, double pollIntervalSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pollIntervalSeconds);
        var input = new JsonObject
        {
            ["jobName"] = jobName,
            ["scenario"] = JobScenario,
        };
        if (ChecksToComplete is { } checks)
        {
            input["checksToComplete"] = checks;
        }

        if (MaxAttempts is { } max)
        {
            input["maxAttempts"] = max;
        }

        if (PollingTimeoutIntervals is { } polling)
        {
            input["pollingTimeoutSeconds"] = Seconds(polling, pollIntervalSeconds);
        }
        if (TaskTimeoutIntervals is { } task)
        {
            input["taskTimeoutSeconds"] = Seconds(task, pollIntervalSeconds);
        }

        input["pollIntervalSeconds"] = Math.Max(1, (int)Math.Round(pollIntervalSeconds));
        return input;
    }

    // ASL TimeoutSeconds and the poller's deadline are whole seconds; rounding up keeps "2.5 intervals" at least that long.
    private static int Seconds(double intervals, double pollIntervalSeconds)
        => Math.Max(1, (int)Math.Ceiling(intervals * pollIntervalSeconds));
}
