using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Checks;

/// <summary>
/// poc test as a library: deploys, runs every scenario (all at once) several runs in a row, and checks the
/// pattern's key points on every execution. Token uniqueness is judged across all runs.
/// </summary>
public static class PatternTest
{
    /// <summary>
    /// Runs the test. <paramref name="runOne"/> runs one run's plan (run number, plan); by default
    /// <see cref="ScenarioRunner.RunAsync"/> without progress — the CLI passes one that shows a live table.
    /// </summary>
    public static async Task<PatternTestResult> RunAsync(
        PocEnvironment env,
        PatternTestOptions options,
        IProgress<DeployedResource>? deployProgress,
        Func<int, RunPlan, Task<RunResult>>? runOne,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        runOne ??= (_, plan) => ScenarioRunner.RunAsync(env, plan, null, ct);
        var deploy = options.Deploy ? await Deployer.DeployAsync(env, deployProgress, options.AfterFunctions, ct) : null;

        var runs = new List<RunResult>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var plan = new RunPlan([.. ScenarioCatalog.All.Select(s => new RunItem(s, options.JobsPerScenario))], WorkflowKind.Callback, options.Poller)
            {
                Label = $"test{run}",
            };
            runs.Add(await runOne(run, plan));
        }

        return new PatternTestResult(deploy, runs, Evaluate(runs));
    }

    /// <summary>Checks every execution of <paramref name="runs"/> (run numbers start at 1).</summary>
    public static IReadOnlyList<ExecutionVerdict> Evaluate(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var all = runs.SelectMany((r, i) => r.Executions.Select(e => (Run: i + 1, Execution: e))).ToList();
        var checks = CheckEvaluator.EvaluateAll([.. all.Select(x => x.Execution)]);
        return [.. all.Select((x, i) => new ExecutionVerdict(x.Run, x.Execution, checks[i]))];
    }
}
