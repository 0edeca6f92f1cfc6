using Poc.Cli.Deploy;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Checks;

/// <summary>What poc test found: the deployment, each run, and every check on every execution.</summary>
public sealed record PatternTestResult(DeployResult? Deploy, IReadOnlyList<RunResult> Runs, IReadOnlyList<ExecutionVerdict> Verdicts)
{
    /// <summary>Checks that held, over every execution.</summary>
    public int PassedChecks => Verdicts.Sum(v => v.Checks.Count(c => c.Passed));

    /// <summary>Checks that did not.</summary>
    public int FailedChecks => Verdicts.Sum(v => v.Checks.Count(c => !c.Passed));

    /// <summary>True when something ran and nothing failed.</summary>
    public bool Passed => Verdicts.Count > 0 && FailedChecks == 0;

    /// <summary>One table cell: a check for a scenario in one run, over all its executions (the first failure's detail wins).</summary>
    public CheckResult? Cell(Scenario scenario, PatternCheck check, int run)
    {
        var results = Verdicts
            .Where(v => v.Run == run && v.Execution.Scenario == scenario)
            .Select(v => v.Checks.Single(c => c.Check == check))
            .ToList();
        return results.Count == 0 ? null : results.FirstOrDefault(r => !r.Passed) ?? results[0];
    }
}
