using System.Text;
using LocalCloud.Core.Persistence;
using LocalCloud.Core.Ports;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests.Persistence;

/// <summary>Running executions resume after a restart: Wait at its absolute time, the execution timeout, retries, a Lambda call cut off mid-way.</summary>
public sealed class ResumeExecutionTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static async Task<(SfnHarness Sfn, string Execution)> StartedAsync(string definition, string input = "{}", Action<SfnHarness>? script = null)
    {
        var sfn = new SfnHarness(new InMemoryDurableStore(), script: script);
        var execution = await sfn.StartAsync(await sfn.CreateAsync(definition), input);
        await sfn.IdleAsync(execution);
        return (sfn, execution);
    }

    /// <summary>Started, and cut off while <paramref name="function"/> runs: an in-flight call is busy, never idle, so this waits for the call itself.</summary>
    private static async Task<(SfnHarness Sfn, string Execution)> MidInvokeAsync(string definition, string input, string function)
    {
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverAnswers = new TaskCompletionSource<LambdaInvokeResult>();
        var sfn = new SfnHarness(new InMemoryDurableStore(), script: s => s.Lambda.Answers(function, _ =>
        {
            called.TrySetResult();
            return neverAnswers.Task;
        }));
        var execution = await sfn.StartAsync(await sfn.CreateAsync(definition), input);
        await called.Task.WaitAsync(TestContext.Current.CancellationToken);
        return (sfn, execution);
    }

    [Fact]
    public async Task Restart_MidWait_WakesAtTheOriginalTime()
    {
        const string definition = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"Next":"P"},"P":{"Type":"Pass","End":true}}}""";
        var (before, execution) = await StartedAsync(definition, """{"a":1}""");
        before.Time.Advance(TimeSpan.FromSeconds(30));
        await before.IdleAsync(execution);

        await using var after = before.Restart(TimeSpan.FromSeconds(10));
        await after.IdleAsync(execution);
        after.Time.Advance(TimeSpan.FromSeconds(59));
        await after.IdleAsync(execution);
        Assert.False(after.FinishedAsync(execution).IsCompleted, "the wait ends 100 s after it was entered");
        after.Time.Advance(Second);
        var done = await after.FinishedAsync(execution);

        Assert.Equal("""{"a":1}""", done.Output);
        Assert.Equal(["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], SfnHarness.Types(done));
        Assert.Equal(SfnHarness.Epoch.AddSeconds(100), done.History.Single(e => e.Type == "WaitStateExited").Timestamp);
    }

    [Fact]
    public async Task Restart_WaitEndedWhileDown_GoesOnAtOnce()
    {
        const string definition = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}}""";
        var (before, execution) = await StartedAsync(definition);

        await using var after = before.Restart(TimeSpan.FromHours(1));
        var done = await after.FinishedAsync(execution);

        Assert.Equal(["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"], SfnHarness.Types(done));
    }

    [Fact]
    public async Task Restart_ExecutionTimeoutSeconds_KeepsItsDeadline()
    {
        const string definition = """{"TimeoutSeconds":50,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1000,"End":true}}}""";
        var (before, execution) = await StartedAsync(definition);
        before.Time.Advance(TimeSpan.FromSeconds(10));
        await before.IdleAsync(execution);

        await using var after = before.Restart(TimeSpan.FromSeconds(10));
        await after.IdleAsync(execution);
        after.Time.Advance(TimeSpan.FromSeconds(29));
        await after.IdleAsync(execution);
        Assert.False(after.FinishedAsync(execution).IsCompleted, "the execution times out 50 s after its start");
        after.Time.Advance(Second);
        var done = await after.FinishedAsync(execution);

        Assert.Equal("TIMED_OUT", done.Status);
        Assert.Equal(SfnHarness.Epoch.AddSeconds(50), done.StopDate);
        Assert.Equal(["ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut"], SfnHarness.Types(done));
    }

    [Theory]
    [InlineData("arn:aws:states:::lambda:invoke", """{"FunctionName":"work","Payload":{"x.$":"$.x"}}""", "TaskStarted", "TaskSucceeded")]
    [InlineData("arn:aws:lambda:us-east-1:000000000000:function:work", null, "LambdaFunctionStarted", "LambdaFunctionSucceeded")]
    public async Task Restart_LambdaMidInvoke_InvokedOnceMoreAndHistoryNotRepeated(string resource, string? parameters, string started, string succeeded)
    {
        var parametersField = parameters is null ? string.Empty : "\"Parameters\":" + parameters + ",";
        var definition = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + resource + "\"," + parametersField + "\"End\":true}}}";
        var (before, execution) = await MidInvokeAsync(definition, """{"x":7}""", "work");
        Assert.Single(before.Lambda.Invocations);

        await using var after = before.Restart(TimeSpan.FromSeconds(5), s => s.Lambda.Returns("work", """{"ok":true}"""));
        var done = await after.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        var again = Assert.Single(after.Lambda.Invocations);
        Assert.Equal(Encoding.UTF8.GetString(before.Lambda.Invocations.Single().Payload.Span), Encoding.UTF8.GetString(again.Payload.Span));
        var scheduled = started.Replace("Started", "Scheduled", StringComparison.Ordinal);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", scheduled, started, succeeded, "TaskStateExited", "ExecutionSucceeded"], SfnHarness.Types(done));
    }

    [Fact]
    public async Task Restart_CallbackTaskMidInvoke_InvokedAgainWithTheSameToken()
    {
        var (before, execution) = await MidInvokeAsync(CallbackDefinitions.Callback(string.Empty), """{"job":"j"}""", "create-job");
        var token = before.TokenSent();

        await using var after = before.Restart();
        await after.IdleAsync(execution);
        Assert.Equal(token, after.TokenSent());
        await after.OkAsync("SendTaskSuccess", new { taskToken = token, output = "2" });
        var done = await after.FinishedAsync(execution);

        Assert.Equal("2", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
    }

    [Fact]
    public async Task Restart_DynamoDbCallInFlight_CalledAgainWithTheSameParameters()
    {
        const string definition = """
            {"StartAt":"Db","States":{"Db":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","TimeoutSeconds":60,
              "Parameters":{"TableName":"t","Item":{"id":{"S.$":"States.UUID()"}}},"ResultSelector":{"ok":true},"End":true}}}
            """;
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = new SfnHarness(new InMemoryDurableStore(), script: s => s.DynamoDb.Answers("PutItem", _ =>
        {
            called.TrySetResult();
            return new TaskCompletionSource<System.Text.Json.JsonElement>().Task;
        }));
        var execution = await before.StartAsync(await before.CreateAsync(definition));
        await called.Task.WaitAsync(TestContext.Current.CancellationToken);

        await using var after = before.Restart(TimeSpan.FromSeconds(5));
        var done = await after.FinishedAsync(execution);

        Assert.Equal("""{"ok":true}""", done.Output);
        Assert.Equal(Assert.Single(before.DynamoDb.Calls), Assert.Single(after.DynamoDb.Calls));
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
    }

    [Fact]
    public async Task Restart_DuringRetryInterval_RetriesAtTheOriginalTime()
    {
        const string definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"flaky"},
              "Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":60,"MaxAttempts":2}],"OutputPath":"$.Payload","End":true}}}
            """;
        var (before, execution) = await StartedAsync(definition, script: s => s.Lambda.FailsWith("flaky", "Flaky", "try again"));
        before.Time.Advance(TimeSpan.FromSeconds(10));
        await before.IdleAsync(execution);

        await using var after = before.Restart(TimeSpan.FromSeconds(10), s => s.Lambda.Returns("flaky", "\"fine\""));
        await after.IdleAsync(execution);
        after.Time.Advance(TimeSpan.FromSeconds(39));
        await after.IdleAsync(execution);
        Assert.Empty(after.Lambda.Invocations);
        after.Time.Advance(Second);
        var done = await after.FinishedAsync(execution);

        Assert.Equal("\"fine\"", done.Output);
        Assert.Single(after.Lambda.Invocations);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskScheduled", "TaskStarted", "TaskSucceeded",
            "TaskStateExited", "ExecutionSucceeded"], SfnHarness.Types(done));
        Assert.Equal(SfnHarness.Epoch.AddSeconds(60), done.History.Last(e => e.Type == "TaskScheduled").Timestamp);
    }

    [Fact]
    public async Task Restart_PollingLoopMidWait_CarriesOnFromTheWait()
    {
        var (before, execution) = await StartedAsync(CallbackDefinitions.PollingLoop, """{"n":0}""", s => CallbackDefinitions.ScriptCheck(s.Lambda));
        before.Time.Advance(TimeSpan.FromSeconds(30));
        await before.IdleAsync(execution);
        before.Time.Advance(TimeSpan.FromSeconds(10));
        await before.IdleAsync(execution);
        Assert.Equal(2, before.Lambda.Invocations.Count);

        await using var after = before.Restart(TimeSpan.FromSeconds(5), s => CallbackDefinitions.ScriptCheck(s.Lambda));
        var done = await after.RunToEndAsync(execution, TimeSpan.FromSeconds(5));

        Assert.Equal("""{"n":3,"done":true}""", done.Output);
        Assert.Single(after.Lambda.Invocations);
        string[] round = ["TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "WaitStateEntered", "WaitStateExited",
            "ChoiceStateEntered", "ChoiceStateExited"];
        Assert.Equal(["ExecutionStarted", .. round, .. round, .. round, "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"], SfnHarness.Types(done));
    }

    [Fact]
    public async Task Restart_ParallelInProgress_RunsTheStateAgainFromItsInput()
    {
        const string definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
              {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}}]}}}
            """;
        var (before, execution) = await StartedAsync(definition, """{"in":1}""");

        await using var after = before.Restart(TimeSpan.FromSeconds(10));
        var done = await after.RunToEndAsync(execution, TimeSpan.FromSeconds(10));

        Assert.Equal("""["a",{"in":1}]""", done.Output);
        var types = SfnHarness.Types(done);
        Assert.Single(types, t => t == "ParallelStateEntered");
        Assert.Equal(2, types.Count(t => t == "ParallelStateStarted"));
        Assert.Equal(SfnHarness.Epoch.AddSeconds(110), done.History.Single(e => e.Type == "WaitStateExited").Timestamp);
    }
}
