using Poc.Cli.Endpoints;
using Poc.Cli.Monitor;
using Poc.Cli.Runs;

namespace Poc.Cli.Tests.Monitor;

public sealed class MonitorViewTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private const string Token = "AQCEAAAAKgAAAAMAAAAAAAAAAfakeTokenThatMustNeverBePrintedWhole";

    internal static MonitorSnapshot Snapshot(LambdaActivity? lambda = null) => new(
        Now,
        "LocalCloud at http://127.0.0.1:4566 (us-east-1)",
        [
            new StateMachineActivity("poc-callback-workflow", "arn:sm:callback",
            [
                new ExecutionRow("run-2", "RUNNING", "StartJobAndWaitForCallback (TaskSubmitted)", Now.AddSeconds(-42), null),
                new ExecutionRow("run-1", "SUCCEEDED", "JobSucceeded (ExecutionSucceeded)", Now.AddMinutes(-5), Now.AddMinutes(-5).AddSeconds(9)),
            ]),
            new StateMachineActivity("poc-polling-baseline", null, []),
        ],
        new TokenTableStatus(
            true,
            [new("PENDING", 3), new("COMPLETED", 7), new("FAILED", 0), new("TIMEOUT", 1), new("MAX_ATTEMPTS", 0)],
            [new PendingJob(new TokenRecord("arn:aws:states:us-east-1:0:execution:poc-callback-workflow:run-2", "job-42", Token, "PENDING", 2) { MaxAttempts = 10, Deadline = Now.AddSeconds(90) }, Now.AddSeconds(-40))]),
        new ScheduleStatus("poc-poller-schedule", true, "ENABLED", "rate(1 minute)", new NextFiring(Now.AddSeconds(2), "estimated from its last change, LocalCloud time × 0.05")) { Fired = 12, TargetErrors = 1 },
        lambda ?? LambdaActivity.Unavailable(MonitorMessages.LambdaOnAws));

    [Fact]
    public void Build_Executions_ShowStatusStateAndDuration()
    {
        var text = MonitorRendering.Render(MonitorView.Build(Snapshot()));

        Assert.Matches(@"run-2\s+│ RUNNING\s+│ StartJobAndWaitForCallback \(TaskSubmitted\)\s+│ 42s ago\s+│ running 42s", text);
        Assert.Matches(@"run-1\s+│ SUCCEEDED\s+│ JobSucceeded \(ExecutionSucceeded\)\s+│ 5m 00s ago\s+│ 9s", text);
        Assert.Matches(@"poc-polling-baseline\s+│ not deployed", text);
    }

    [Fact]
    public void Build_Tokens_CountsPerStatusAndPendingJobWithoutTheWholeToken()
    {
        var text = MonitorRendering.Render(MonitorView.Build(Snapshot()));

        Assert.Matches(@"PENDING │ COMPLETED │ FAILED │ TIMEOUT │ MAX_ATTEMPTS", text);
        Assert.Matches(@"│\s+3 │\s+7 │\s+0 │\s+1 │\s+0 │", text);
        Assert.Contains("oldest 1 of 3 pending jobs", text, StringComparison.Ordinal);
        Assert.Matches(@"job-42\s+│ run-2\s+│ AQCEAAAA…\s+│ 2/10\s+│ in 1m 30s\s+│ 40s", text);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Schedule_LabelsTheNextFiringEstimated()
    {
        var text = MonitorRendering.Render(MonitorView.Build(Snapshot()));

        Assert.Contains("next firing (estimated)", text, StringComparison.Ordinal);
        Assert.Matches(@"poc-poller-schedule\s+│ ENABLED\s+│ rate\(1 minute\)\s+│ in 2s \(10:00:02 UTC\)\s+│ estimated from its last change, LocalCloud time × 0.05\s+│ 12\s+│ 1", text);
    }

    [Fact]
    public void Build_LambdaUnavailable_PrintsOnlyTheNote()
    {
        var text = MonitorRendering.Render(MonitorView.Build(Snapshot()));

        Assert.Contains(MonitorMessages.LambdaOnAws, text, StringComparison.Ordinal);
        Assert.DoesNotContain("invocations │", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LambdaFromLocalCloud_ShowsCountsAndRecentInvocations()
    {
        var lambda = new LambdaActivity(
            [new FunctionActivity("poc-poller", 12, 1, 3.5)],
            [new LambdaInvocation("poc-poller", "r1", "RequestResponse", Now.AddSeconds(-3), TimeSpan.FromMilliseconds(250), 250, TimeSpan.FromSeconds(1), "UnknownJob", "w1")],
            MonitorMessages.LambdaFromLocalCloud(12));

        var text = MonitorRendering.Render(MonitorView.Build(Snapshot(lambda)));

        Assert.Matches(@"poc-poller\s+│ 12\s+│ 1\s+│ 3.5", text);
        Assert.Matches(@"poc-poller\s+│ 09:59:57\s+│ 250ms \(cold\)\s+│ RequestResponse\s+│ UnknownJob", text);
    }

    [Fact]
    public void Build_Problem_IsShownUnderTheHeader()
    {
        var text = MonitorRendering.Render(MonitorView.Build(Snapshot(), "refresh at 10:00:05 failed: boom"));

        var lines = text.Split('\n');
        Assert.StartsWith("poc monitor · LocalCloud at http://127.0.0.1:4566 (us-east-1) · 2025-03-04 10:00:00 UTC", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("refresh at 10:00:05 failed: boom", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.25, "250ms")]
    [InlineData(59, "59s")]
    [InlineData(64, "1m 04s")]
    [InlineData(7260, "2h 01m")]
    [InlineData(90000, "1d 01h")]
    [InlineData(-5, "0ms")]
    public void Compact_FormatsEachRange(double seconds, string expected)
        => Assert.Equal(expected, Durations.Compact(TimeSpan.FromSeconds(seconds)));
}
