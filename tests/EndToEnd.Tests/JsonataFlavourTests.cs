using System.Text.Json.Nodes;
using Aws.Clients.StepFunctions;
using Poc.Cli.Checks;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace EndToEnd.Tests;

/// <summary>A second LocalCloud with both workflows deployed in their JSONata flavour (poc deploy --query-language JSONata).</summary>
public sealed class JsonataDeployment : IAsyncLifetime
{
    public LocalCloud.LocalCloudServer Cloud { get; private set; } = null!;
    public PocEnvironment Env { get; private set; } = null!;
    public PollerPlan Poller { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Cloud = await LocalCloud.LocalCloudServer.StartAsync(new LocalCloud.LocalCloudOptions
        {
            Port = 0,
            ScheduleTimeScale = DeployedLocalCloud.ScheduleTimeScale,
            MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        });
        Env = PocEnvironment.ForLocalCloud(Cloud.BaseUrl, DeployedLocalCloud.ScheduleTimeScale, flavour: WorkflowFlavour.Jsonata);
        Poller = PollerPlan.Resolve(new Poc.Cli.Cli.PollerArgs(null, null, null), Env.Kind, Env.ScheduleTimeScale);
        await Deployer.DeployAsync(Env, progress: null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Env.Dispose();
        await Cloud.DisposeAsync();
    }
}

/// <summary>
/// The callback pattern in its modern form: the JSONata workflows pass every check `poc test` makes, the baseline in
/// JSONata ends every job the same way, and a job's output is the same document the JSONPath workflow produces.
/// </summary>
public sealed partial class JsonataFlavourTests(DeployedLocalCloud jsonPath, JsonataDeployment jsonata) : IClassFixture<JsonataDeployment>
{
    [Fact]
    public async Task PatternTest_JsonataWorkflows_PassEveryCheck()
    {
        var result = await PatternTest.RunAsync(jsonata.Env, new PatternTestOptions(Runs: 1, JobsPerScenario: 1, jsonata.Poller) { Deploy = false }, null, null, TestContext.Current.CancellationToken);

        var failures = result.Verdicts.SelectMany(v => v.Checks.Where(c => !c.Passed).Select(c => $"{v.Execution.ExecutionName}: {c.Check} — {c.Detail}"));
        Assert.True(result.Passed, string.Join(Environment.NewLine, failures));
        Assert.Equal(ScenarioCatalog.All.Count, result.Verdicts.Count);
    }

    [Fact]
    public async Task Baseline_JsonataFlavour_EndsEveryJobAsTheJsonPathOneDoes()
    {
        Scenario[] scenarios = [ScenarioCatalog.Success, ScenarioCatalog.JobFailed, ScenarioCatalog.MaxAttempts, ScenarioCatalog.PollingTimeout];
        var plan = new RunPlan([.. scenarios.Select(s => new RunItem(s, 1))], WorkflowKind.Baseline, jsonata.Poller);
        var run = await ScenarioRunner.RunAsync(jsonata.Env, plan, null, TestContext.Current.CancellationToken);

        Assert.True(run.AllAsExpected, string.Join("; ", run.Executions.Select(e => $"{e.ExecutionName} {e.Status} {e.Error} {e.Cause}")));
    }

    [Theory]
    [InlineData(WorkflowKind.Callback)]
    [InlineData(WorkflowKind.Baseline)]
    public async Task SuccessfulJob_BothFlavours_SameOutputDocument(WorkflowKind workflow)
    {
        var ct = TestContext.Current.CancellationToken;
        var plan = new RunPlan([new RunItem(ScenarioCatalog.Success, 1)], workflow, jsonata.Poller);
        var fromJsonPath = Assert.Single((await ScenarioRunner.RunAsync(jsonPath.Env, plan with { Poller = jsonPath.Poller }, null, ct)).Executions);
        var fromJsonata = Assert.Single((await ScenarioRunner.RunAsync(jsonata.Env, plan, null, ct)).Executions);

        var a = await OutputAsync(jsonPath.Env, fromJsonPath.ExecutionArn, ct);
        var b = await OutputAsync(jsonata.Env, fromJsonata.ExecutionArn, ct);
        Assert.Equal(Shape(a), Shape(b));
    }

    private static async Task<JsonNode> OutputAsync(PocEnvironment env, string executionArn, CancellationToken ct)
        => JsonNode.Parse((await env.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, ct)).Output!)!;

    /// <summary>The document with the values that differ per job (ids, names, times) blanked: keys, order and the rest must match.</summary>
    private static string Shape(JsonNode node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Select(p => $"{p.Key}:{(p.Key is "jobId" or "jobName" or "createdAt" or "elapsedSeconds" or "executionId" or "clientToken" ? "*" : p.Value is null ? "null" : Shape(p.Value))}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(i => i is null ? "null" : Shape(i))) + "]",
        _ => JobIds().Replace(node.ToJsonString(), "job-*"),
    };

    [System.Text.RegularExpressions.GeneratedRegex("job-[0-9a-f]{8,}")]
    private static partial System.Text.RegularExpressions.Regex JobIds();
}
