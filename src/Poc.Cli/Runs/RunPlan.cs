using Poc.Cli.Endpoints;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Runs;

/// <summary>What one run starts: how many executions of which scenarios, on which workflow, with which poller timing.</summary>
/// <param name="Items">Scenarios and how many executions of each; all start at once.</param>
/// <param name="Workflow">Callback or baseline.</param>
/// <param name="Poller">Poll interval, who triggers the poller, how long to wait.</param>
public sealed record RunPlan(IReadOnlyList<RunItem> Items, WorkflowKind Workflow, PollerPlan Poller)
{
    /// <summary>Goes into execution names so runs are told apart in the console.</summary>
    public string Label { get; init; } = "run";
}

/// <summary>A scenario and how many executions of it to start.</summary>
public sealed record RunItem(Scenario Scenario, int Jobs);
