using System.Text.Json.Nodes;
using Poc.Cli.Cli;
using Poc.Cli.Cost;
using Poc.Cli.Endpoints;
using Poc.Cli.Mocked;
using Poc.Cli.Monitor;
using Poc.Cli.Scenarios;
using Spectre.Console;

namespace Poc.Cli.Tests.Mocked;

/// <summary>
/// poc test --mocked: every scenario of both workflows against infra/statemachines/mocks/poc.mock.json, with no Lambda
/// function deployed or invoked (LocalCloud's own usage counters say so), and a wrong mock shows up as a failed scenario.
/// </summary>
public sealed class MockedTestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Root => RepoRoot.Find();

    [Fact]
    public async Task PocTestMocked_ThroughTheCommandLine_PassesEveryScenarioAndSaysItWasMocked()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;
        var handlers = new PocCommands(_ => null, console, error).Handlers();

        var code = await PocApp.RunAsync(["test", "--mocked"], handlers, _ => null, output, error, Ct);

        Assert.True(code == ExitCodes.Ok, $"exit {code}: {error}\n{output}");
        var text = output.ToString();
        Assert.Contains("MOCKED: testing every scenario of both workflows, 3 run(s)", text, StringComparison.Ordinal);
        Assert.Contains("MOCKED: 27 of 27 executions ended as their scenario expects", text, StringComparison.Ordinal);
        Assert.Contains("Lambda invocations: 0", text, StringComparison.Ordinal);
        Assert.Contains("MOCKED run", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryScenario_EndsAsExpected_AndNoLambdaWorkerRuns()
    {
        await using var cloud = await EmbeddedLocalCloud.StartAsync(0, 1.0, Ct, Path.Combine(Root, MockedTest.ConfigFile));
        using var env = PocEnvironment.ForLocalCloud(cloud.BaseUrl, 1.0, Root);

        var result = await MockedTest.RunAsync(env, 1, Ct);

        Assert.True(result.Passed, string.Join("\n", result.Outcomes.Where(o => !o.Passed).Select(o => $"{o.Workflow} {o.Scenario.Name}: {o.Status} {o.Error}")));
        Assert.Equal(ScenarioCatalog.All.Count + ScenarioCatalog.All.Count(s => s.AppliesToBaseline), result.Outcomes.Count);
        using var http = new HttpClient();
        var usage = await LocalCloudUsage.ReadAsync(http, cloud.BaseUrl, Ct);
        // Lambda counts a request when an invocation starts; no function exists to start a worker for.
        Assert.DoesNotContain(usage, r => r.Service == UsageMetrics.Lambda);
        Assert.Contains(usage, r => r is { Service: "states", Metric: "ExecutionsStarted" } && r.Amount >= result.Outcomes.Count / 2);
        var functions = JsonNode.Parse(await http.GetStringAsync(new Uri(cloud.BaseUrl, "2015-03-31/functions/"), Ct))!["Functions"]!.AsArray();
        Assert.Empty(functions);
    }

    [Fact]
    public async Task AWrongMock_FailsItsScenario()
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Root, MockedTest.ConfigFile), Ct))!;
        // The callback's success now throws: the workflow routes it to FailedState, which success does not expect.
        config["MockedResponses"]!["JobCompletedCallback"] = JsonNode.Parse("""{"0":{"Throw":{"Error":"JobFailed","Cause":"wrong on purpose"}}}""");
        var path = Path.Combine(Path.GetTempPath(), $"poc-wrong-mocks-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, config.ToJsonString(), Ct);
        try
        {
            await using var cloud = await EmbeddedLocalCloud.StartAsync(0, 1.0, Ct, path);
            using var env = PocEnvironment.ForLocalCloud(cloud.BaseUrl, 1.0, Root);

            var result = await MockedTest.RunAsync(env, 1, Ct);

            var failed = Assert.Single(result.Outcomes, o => !o.Passed);
            Assert.Equal((WorkflowKind.Callback, "success", "FAILED", "JobFailed"), (failed.Workflow, failed.Scenario.Name, failed.Status, failed.Error));
            Assert.False(result.Passed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BaselineInput_HasNoWaitBetweenChecks_AndTheScenarioLimits()
    {
        var input = MockedTest.Input(ScenarioCatalog.MaxAttempts, "j");

        Assert.Equal(0, input["pollIntervalSeconds"]!.GetValue<int>());
        Assert.Equal(3, input["maxAttempts"]!.GetValue<int>());
        Assert.Equal("never", input["scenario"]!.GetValue<string>());
    }
}
