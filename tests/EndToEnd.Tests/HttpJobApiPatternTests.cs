using LocalCloud.Testing;
using Poc.Cli.Checks;
using Poc.Cli.Endpoints;
using Poc.Cli.JobApi;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

// Each class here runs a whole LocalCloud with real Lambda workers; two at once only slow each other's timed scenarios.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace EndToEnd.Tests;

/// <summary>
/// `poc test --job-api http` as a test: a LocalCloud of its own, the simulated REST job API served in-process over
/// poc-jobs, the functions deployed with JOB_API_URL, and three runs of every scenario, each run meeting one fault
/// (503s, dropped connections, answers slower than the client's attempt timeout).
/// </summary>
public sealed class HttpJobApiPatternTests
{
    [Fact]
    public async Task PatternTest_OverTheHttpJobApi_WithFaultsInEveryRun_PassesEveryCheck()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cloud = await LocalCloudFixture.StartAsync(LocalCloudFixture.DefaultOptions with { ScheduleTimeScale = DeployedLocalCloud.ScheduleTimeScale }, ct);
        using var local = PocEnvironment.ForLocalCloud(cloud.Endpoint, DeployedLocalCloud.ScheduleTimeScale);
        await using var jobApi = await HttpJobApiHost.StartAsync(local, ct);
        using var env = local.WithJobApi(jobApi.BaseUrl);
        var poller = PollerPlan.Resolve(new Poc.Cli.Cli.PollerArgs(null, null, null), env.Kind, env.ScheduleTimeScale);

        var result = await PatternTest.RunAsync(
            env,
            new PatternTestOptions(Runs: 3, JobsPerScenario: 1, poller) { AfterFunctions = WarmUpAsync(env, cloud) },
            null,
            async (run, plan) =>
            {
                if (run == 1)
                {
                    await WarmRoundAsync(env, poller, ct);
                }

                HttpJobApiHost.InjectFaults(jobApi, run);
                return await ScenarioRunner.RunAsync(env, plan, null, ct);
            },
            ct);

        var failures = result.Verdicts.SelectMany(v => v.Checks.Where(c => !c.Passed).Select(c => $"{v.Execution.ExecutionName}: {c.Check} — {c.Detail} (cause: {v.Execution.Cause})"));
        Assert.True(result.Passed, string.Join(Environment.NewLine, failures));
        Assert.Equal(3 * ScenarioCatalog.All.Count, result.Verdicts.Count);
        // Two faults per run, each met by the first attempt of a create, and the API did the work the workflows saw.
        Assert.Equal(6, jobApi.Faults.Faulted);
        Assert.True(jobApi.Faults.Requests >= (3 * ScenarioCatalog.All.Count) + 6, $"{jobApi.Faults.Requests} requests");
        Assert.Equal(0, cloud.Server.Usage.Get("lambda", "Requests", "poc-simulated-api"));
    }

    // As poc test does on LocalCloud: without it the first run's five creates wait for four cold workers, and on a busy
    // machine state-timeout's create-job starts after its 7.5 s task timeout and after the run stopped looking for a record.
    // One round without faults, not checked beyond its outcomes: its creates, sweeps and callbacks are the first the workers
    // and the job API ever run. Run cold on a loaded machine, the poller's first sweep with work took 5-10 s, so
    // polling-timeout (2 sweeps due within 2.5 intervals) saw one, and a first status batch timed out after the API had
    // counted its checks, so its retry counted them again (job done after 2 checks, 1 poll). Neither is about faults.
    private static async Task WarmRoundAsync(PocEnvironment env, PollerPlan poller, CancellationToken ct)
    {
        var plan = new RunPlan([.. new[] { ScenarioCatalog.Success, ScenarioCatalog.JobFailed, ScenarioCatalog.PollingTimeout }.Select(s => new RunItem(s, 1))], WorkflowKind.Callback, poller)
        {
            Label = "warm",
        };
        var warm = await ScenarioRunner.RunAsync(env, plan, null, ct);
        Assert.True(warm.AllAsExpected, string.Join("; ", warm.Executions.Select(e => $"{e.ExecutionName} {e.Status} {e.Error} {e.Cause} record {e.Record?.Status}")));
    }

    // The warm-up also starts poc-simulated-api's workers; its calls are forgotten so the end still proves no run used it.
    private static Func<CancellationToken, Task> WarmUpAsync(PocEnvironment env, LocalCloudFixture cloud) => async ct =>
    {
        var warm = await FunctionWarmUp.RunAsync(env.Lambda, ct);
        Assert.True(warm.Problems.Count == 0, string.Join("; ", warm.Problems));
        cloud.Server.Usage.Reset();
    };
}
