using Poc.Cli.Endpoints;

namespace Poc.Cli.Checks;

/// <summary>How poc test runs: how many runs, executions per scenario per run, poller timing, and whether to deploy first.</summary>
public sealed record PatternTestOptions(int Runs, int JobsPerScenario, PollerPlan Poller)
{
    /// <summary>Deploy before the first run (poc test always does; tests that deployed already may skip it).</summary>
    public bool Deploy { get; init; } = true;

    /// <summary>Runs once the functions are deployed, before the schedule exists (poc warms LocalCloud's workers there).</summary>
    public Func<CancellationToken, Task>? AfterFunctions { get; init; }
}
