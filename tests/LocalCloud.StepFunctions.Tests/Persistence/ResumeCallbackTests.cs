using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests.Persistence;

/// <summary>A callback task waiting on its token when LocalCloud dies: after the restart the same token completes it, its timers run on.</summary>
public sealed class ResumeCallbackTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static async Task<(SfnHarness Sfn, string Execution, string Token)> WaitingAsync(string extra)
    {
        var sfn = new SfnHarness(new InMemoryDurableStore());
        var execution = await sfn.StartAsync(await sfn.CreateAsync(CallbackDefinitions.Callback(extra)), """{"job":"j1"}""");
        await sfn.IdleAsync(execution);
        return (sfn, execution, sfn.TokenSent());
    }

    [Fact]
    public async Task Restart_WaitingOnToken_OldTokenCompletesWithoutDuplicateEvents()
    {
        var (before, execution, token) = await WaitingAsync("\"TimeoutSeconds\": 600,");
        var historyBefore = (await before.OkAsync("GetExecutionHistory", new { executionArn = execution })).ToJsonString();

        await using var after = before.Restart(TimeSpan.FromSeconds(30));
        await after.IdleAsync(execution);
        Assert.Equal(historyBefore, (await after.OkAsync("GetExecutionHistory", new { executionArn = execution })).ToJsonString());
        Assert.Equal("RUNNING", (await after.OkAsync("DescribeExecution", new { executionArn = execution }))["status"]!.GetValue<string>());
        await after.OkAsync("SendTaskSuccess", new { taskToken = token, output = """{"result":42}""" });
        var done = await after.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"result":42}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
        Assert.Empty(after.Lambda.Invocations);
        Assert.All(done.History, e => Assert.Equal(e.Id - 1, e.PreviousEventId));
        Assert.Equal("TaskTimedOut", (await after.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = "{}" })).Code);
    }

    [Fact]
    public async Task Restart_SendTaskFailureWithOldToken_CaughtAsBefore()
    {
        var (before, execution, token) = await WaitingAsync(string.Empty);

        await using var after = before.Restart(TimeSpan.FromMinutes(5));
        await after.OkAsync("SendTaskFailure", new { taskToken = token, error = "JobFailed", cause = "no" });
        var done = await after.FinishedAsync(execution);

        Assert.Equal("""{"Error":"JobFailed","Cause":"no"}""", done.Output);
        Assert.Single(done.History, e => e.Type == "TaskFailed");
    }

    [Fact]
    public async Task Restart_TimeoutSeconds_FiresAtTheOriginalDeadline()
    {
        var (before, execution, token) = await WaitingAsync("\"TimeoutSeconds\": 60,");
        before.Time.Advance(TimeSpan.FromSeconds(10));
        await before.IdleAsync(execution);

        await using var after = before.Restart(TimeSpan.FromSeconds(30));
        await after.IdleAsync(execution);
        after.Time.Advance(TimeSpan.FromSeconds(19));
        await after.IdleAsync(execution);
        Assert.False(after.FinishedAsync(execution).IsCompleted, "the deadline is 60 s after TaskStarted, 20 s after the restart");
        after.Time.Advance(Second);
        var done = await after.FinishedAsync(execution);

        Assert.Equal("""{"Error":"States.Timeout","Cause":""}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskTimedOut", "TaskStateExited",
            "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], SfnHarness.Types(done));
        Assert.Equal(SfnHarness.Epoch.AddSeconds(60), done.History.Single(e => e.Type == "TaskTimedOut").Timestamp);
        Assert.Equal("TaskTimedOut", (await after.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = "{}" })).Code);
    }

    [Fact]
    public async Task Restart_TimeoutPassedWhileDown_TimesOutAtOnce()
    {
        var (before, execution, _) = await WaitingAsync("\"TimeoutSeconds\": 60,");

        await using var after = before.Restart(TimeSpan.FromMinutes(10));
        var done = await after.FinishedAsync(execution);

        Assert.Equal("""{"Error":"States.Timeout","Cause":""}""", done.Output);
        Assert.Single(done.History, e => e.Type == "TaskTimedOut");
    }

    [Fact]
    public async Task Restart_HeartbeatSentBeforeCrash_DeadlineCountsFromThatHeartbeat()
    {
        var (before, execution, token) = await WaitingAsync("\"TimeoutSeconds\": 600, \"HeartbeatSeconds\": 30,");
        before.Time.Advance(TimeSpan.FromSeconds(20));
        await before.OkAsync("SendTaskHeartbeat", new { taskToken = token });

        // Down at 20 s, up at 25 s: the heartbeat at 20 s moved the deadline to 50 s.
        await using var after = before.Restart(TimeSpan.FromSeconds(5));
        await after.IdleAsync(execution);
        after.Time.Advance(TimeSpan.FromSeconds(24));
        await after.IdleAsync(execution);
        Assert.False(after.FinishedAsync(execution).IsCompleted, "the heartbeat at 20 s keeps the task alive until 50 s");
        after.Time.Advance(Second);
        var done = await after.FinishedAsync(execution);

        Assert.Equal("""{"Error":"States.HeartbeatTimeout","Cause":""}""", done.Output);
        Assert.Equal(SfnHarness.Epoch.AddSeconds(50), done.History.Single(e => e.Type == "TaskTimedOut").Timestamp);
    }

    [Fact]
    public async Task Restart_HeartbeatAfterRestart_RestartsTheFullPeriod()
    {
        var (before, execution, token) = await WaitingAsync("\"TimeoutSeconds\": 600, \"HeartbeatSeconds\": 30,");

        var after = before.Restart(TimeSpan.FromSeconds(25));
        await after.IdleAsync(execution);
        await after.OkAsync("SendTaskHeartbeat", new { taskToken = token });
        after.Time.Advance(TimeSpan.FromSeconds(29));
        await after.IdleAsync(execution);
        Assert.False(after.FinishedAsync(execution).IsCompleted, "a heartbeat restarts the whole 30 s");

        // And that heartbeat, too, survives the next crash.
        await using var third = after.Restart();
        await third.IdleAsync(execution);
        third.Time.Advance(Second);
        var done = await third.FinishedAsync(execution);
        Assert.Equal("""{"Error":"States.HeartbeatTimeout","Cause":""}""", done.Output);
        Assert.Equal(SfnHarness.Epoch.AddSeconds(55), done.History.Single(e => e.Type == "TaskTimedOut").Timestamp);
    }

    [Fact]
    public async Task Restart_TimedOutAfterRestart_LateCallbackTaskTimedOutAndNoSecondAdvance()
    {
        var (before, execution, token) = await WaitingAsync("\"TimeoutSeconds\": 60,");

        await using var after = before.Restart(TimeSpan.FromSeconds(59));
        await after.IdleAsync(execution);
        after.Time.Advance(Second);
        var done = await after.FinishedAsync(execution);

        Assert.Equal("TaskTimedOut", (await after.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = "{}" })).Code);
        Assert.Equal("TaskTimedOut", (await after.ErrorAsync("SendTaskFailure", new { taskToken = token, error = "E" })).Code);
        Assert.Equal(done.History.Count, (await after.FinishedAsync(execution)).History.Count);
    }

    [Fact]
    public async Task GracefulShutdown_Durable_ExecutionStaysRunningAndResumes()
    {
        var (before, execution, token) = await WaitingAsync(string.Empty);
        await before.DisposeAsync();

        await using var after = before.Restart();
        await after.IdleAsync(execution);
        await after.OkAsync("SendTaskSuccess", new { taskToken = token, output = "1" });

        Assert.Equal("1", (await after.FinishedAsync(execution)).Output);
        Assert.DoesNotContain(SfnHarness.Types(await after.FinishedAsync(execution)), t => t == "ExecutionAborted");
    }

    [Fact]
    public async Task Restart_StopExecutionAfterRestart_AbortsAndTokenRefused()
    {
        var (before, execution, token) = await WaitingAsync(string.Empty);

        var after = before.Restart();
        await after.IdleAsync(execution);
        await after.OkAsync("StopExecution", new { executionArn = execution, error = "Manual" });
        Assert.Equal("TaskTimedOut", (await after.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = "{}" })).Code);

        await using var third = after.Restart();
        var done = await third.FinishedAsync(execution);
        Assert.Equal("ABORTED", done.Status);
        Assert.Equal("TaskTimedOut", (await third.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = "{}" })).Code);
    }
}
