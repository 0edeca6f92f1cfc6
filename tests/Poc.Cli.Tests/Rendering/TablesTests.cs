using Poc.Cli.Checks;
using Poc.Cli.History;
using Poc.Cli.Rendering;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;
using Poc.Cli.Tests.History;
using Spectre.Console;

namespace Poc.Cli.Tests.Rendering;

public sealed class TablesTests
{
    private static string Render(Spectre.Console.Rendering.IRenderable renderable)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        console.Write(renderable);
        return writer.ToString();
    }

    private static ExecutionObservation Execution(Scenario scenario, string status, string? error, string recordStatus, int attempts, string token) =>
        new(scenario, WorkflowKind.Callback, "arn:" + token, "exec-" + scenario.Name)
        {
            Status = status,
            Error = error,
            Output = status == ExecutionStatuses.Succeeded ? """{"job":{"status":"COMPLETED"}}""" : null,
            History = HistoryEventParser.Parse(SampleHistories.Succeeded.Replace(SampleHistories.Token, token, StringComparison.Ordinal)),
            Record = new TokenRecord("arn:" + token, "job", token, recordStatus, attempts),
        };

    [Fact]
    public void Summary_ShowsOutcomeLatencyAndVerdictWithoutTheToken()
    {
        var token = SampleHistories.Token;
        var result = new RunResult([Execution(ScenarioCatalog.Success, "SUCCEEDED", null, "COMPLETED", 2, token)], TimeSpan.FromSeconds(7), 0);

        var text = Render(RunTables.Summary(result));

        Assert.Contains("COMPLETED", text, StringComparison.Ordinal);
        Assert.Contains("125 ms", text, StringComparison.Ordinal);
        Assert.Contains("yes", text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
    }

    [Fact]
    public void TestTable_OneRowPerScenarioAndCheck_FailuresMarked()
    {
        var good = Execution(ScenarioCatalog.Success, "SUCCEEDED", null, "COMPLETED", 2, SampleHistories.Token + "1");
        var bad = Execution(ScenarioCatalog.JobFailed, "FAILED", "JobFailed", "PENDING", 2, SampleHistories.Token + "2");
        var verdicts = PatternTest.Evaluate([new RunResult([good, bad], TimeSpan.Zero, 0)]);
        var result = new PatternTestResult(null, [new RunResult([good, bad], TimeSpan.Zero, 0)], verdicts);

        var text = Render(TestTable.Build(result));

        Assert.Equal(1, result.FailedChecks);
        Assert.Equal((2 * 7) - 1, result.PassedChecks);
        Assert.False(result.Passed);
        Assert.Contains("✗ PENDING, expected FAILED", text, StringComparison.Ordinal);
        Assert.Contains("run 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleHistories.Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cell_SeveralExecutions_FirstFailureWins()
    {
        var a = Execution(ScenarioCatalog.Success, "SUCCEEDED", null, "COMPLETED", 2, "tokenA-123456789");
        var b = Execution(ScenarioCatalog.Success, "SUCCEEDED", null, "COMPLETED", 1, "tokenB-123456789");
        var run = new RunResult([a, b], TimeSpan.Zero, 0);
        var result = new PatternTestResult(null, [run], PatternTest.Evaluate([run]));

        var cell = result.Cell(ScenarioCatalog.Success, PatternCheck.PollingCycles, 1);

        Assert.NotNull(cell);
        Assert.False(cell.Passed);
        Assert.Null(result.Cell(ScenarioCatalog.StateTimeout, PatternCheck.PollingCycles, 1));
    }

    [Fact]
    public void Line_ForRedirectedOutput_OneReadableLine()
    {
        var e = Execution(ScenarioCatalog.Success, "SUCCEEDED", null, "COMPLETED", 2, SampleHistories.Token);

        Assert.Equal("[   7s] exec-success: SUCCEEDED, JobSucceeded (ExecutionSucceeded), attempts 2", RunTables.Line(e, TimeSpan.FromSeconds(7)));
    }
}
