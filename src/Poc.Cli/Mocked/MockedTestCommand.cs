using System.Globalization;
using Poc.Cli.Cli;
using Poc.Cli.Cost;
using Poc.Cli.Endpoints;
using Poc.Cli.Monitor;
using Poc.Cli.Scenarios;
using Spectre.Console;

namespace Poc.Cli.Mocked;

/// <summary>
/// poc test --mocked: a private LocalCloud started with the mock configuration, every scenario of both workflows run as a
/// test case, a table of how each ended, and proof from LocalCloud's own usage counters that no Lambda function ran.
/// </summary>
public static class MockedTestCommand
{
    public static async Task<int> RunAsync(int runs, IAnsiConsole console, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);
        var root = RepoRoot.Find();
        var config = Path.Combine(root, MockedTest.ConfigFile);
        EmbeddedLocalCloud cloudStarted;
        try
        {
            cloudStarted = await EmbeddedLocalCloud.StartAsync(0, 1.0, ct, config);
        }
        catch (LocalCloud.StepFunctions.Mocks.MockConfigException e)
        {
            // A broken mock file is the user's to fix, not a poc bug: say where, as LocalCloud itself does.
            throw new PocException(MockedMessages.BadConfig(e.Message));
        }

        await using var cloud = cloudStarted;
        using var env = PocEnvironment.ForLocalCloud(cloud.BaseUrl, 1.0, root);
        console.WriteLine(MockedMessages.Intro(config, cloud.BaseUrl, runs));

        var result = await MockedTest.RunAsync(env, runs, ct);
        using var http = new HttpClient();
        var lambdaRequests = (await LocalCloudUsage.ReadAsync(http, cloud.BaseUrl, ct))
            .Where(r => r is { Service: UsageMetrics.Lambda, Metric: UsageMetrics.Requests })
            .Sum(r => r.Amount);

        console.Write(Table(result, runs));
        console.WriteLine(MockedMessages.Summary(result, lambdaRequests));
        if (!result.Passed || lambdaRequests > 0)
        {
            await error.WriteLineAsync(Messages.Failed(lambdaRequests > 0 ? MockedMessages.LambdaWasCalled(lambdaRequests) : MockedMessages.NotAsExpected(result.Failed, result.Outcomes.Count)));
            return ExitCodes.Failed;
        }
        return ExitCodes.Ok;
    }

    /// <summary>Workflow × scenario rows, one column per run: the status (and error) each execution ended with.</summary>
    public static Table Table(MockedTestResult result, int runs)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().RoundedBorder().Title("MOCKED run (Step Functions Local mock configuration, no Lambda)").AddColumns("workflow", "scenario", "expected");
        for (var run = 1; run <= runs; run++)
        {
            table.AddColumn($"run {run}");
        }
        foreach (var group in result.Outcomes.GroupBy(o => (o.Workflow, o.Scenario)))
        {
            var expected = group.Key.Scenario.Expectation;
            var row = new List<string>
            {
                group.Key.Workflow == WorkflowKind.Callback ? "callback" : "baseline",
                group.Key.Scenario.Name,
                Markup.Escape(Ending(expected.ExecutionStatus, expected.Error)),
            };
            for (var run = 1; run <= runs; run++)
            {
                var outcome = group.FirstOrDefault(o => o.Run == run);
                row.Add(outcome is null ? "-" : outcome.Passed ? "[green]ok[/]" : $"[red]{Markup.Escape(Ending(outcome.Status, outcome.Error))}[/]");
            }
            table.AddRow([.. row]);
        }
        return table;
    }

    private static string Ending(string status, string? error) => error is null ? status : $"{status} {error}";
}

/// <summary>The texts of poc test --mocked.</summary>
public static class MockedMessages
{
    public const string MockedOption = "Run every scenario of both workflows against the mock configuration in infra/statemachines/mocks/ on a private LocalCloud: no function is deployed and no Lambda runs (ignores --endpoint, --jobs and the poller options)";

    public static string Intro(string config, Uri endpoint, int runs)
        => string.Create(CultureInfo.InvariantCulture, $"MOCKED: testing every scenario of both workflows, {runs} run(s), with the mocked responses of {config} on LocalCloud at {endpoint} (no Lambda worker is started)");

    public static string Summary(MockedTestResult result, double lambdaRequests)
        => string.Create(CultureInfo.InvariantCulture,
            $"MOCKED: {result.Outcomes.Count - result.Failed} of {result.Outcomes.Count} executions ended as their scenario expects, in {result.Elapsed.TotalSeconds:0.00} s; Lambda invocations: {lambdaRequests:0}");

    public static string BadConfig(string problem) => $"the mock configuration is refused: {problem}";

    public static string NotAsExpected(int wrong, int total)
        => string.Create(CultureInfo.InvariantCulture, $"{wrong} of {total} mocked executions did not end as their scenario expects");

    public static string LambdaWasCalled(double requests)
        => string.Create(CultureInfo.InvariantCulture, $"a mocked run invoked Lambda {requests:0} time(s): a Task state is missing from the mock configuration");
}
