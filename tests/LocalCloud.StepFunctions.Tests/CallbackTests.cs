using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Engine.Tokens;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>The waitForTaskToken pattern: history order, timeouts on the fake clock, every token edge case.</summary>
public sealed class CallbackTests
{
    private static string Definition(string extra = "") => CallbackDefinitions.Callback(extra);

    private static async Task<(SfnHarness Sfn, string Execution)> StartedAsync(string extra = "")
    {
        var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Definition(extra)), """{"job":"j1"}""");
        await sfn.IdleAsync(execution);
        return (sfn, execution);
    }

    [Fact]
    public async Task SendTaskSuccess_ResumesWithOutput_HistoryInAwsOrder()
    {
        var (sfn, execution) = await StartedAsync();
        await using var _ = sfn;

        await sfn.OkAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(), output = """{"result":42}""" });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"result":42}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
        var scheduled = done.History[2].Details!;
        Assert.Equal("lambda", scheduled["resourceType"]!.GetValue<string>());
        Assert.Equal("invoke.waitForTaskToken", scheduled["resource"]!.GetValue<string>());
        Assert.Equal("us-east-1", scheduled["region"]!.GetValue<string>());
        Assert.Equal("create-job", JsonNode.Parse(scheduled["parameters"]!.GetValue<string>())!["FunctionName"]!.GetValue<string>());
        Assert.All(done.History, e => Assert.Equal(e.Id - 1, e.PreviousEventId));
    }

    [Fact]
    public async Task History_ThroughApi_HasWireMembers()
    {
        var (sfn, execution) = await StartedAsync();
        await using var _ = sfn;
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(), output = "{}" });
        await sfn.FinishedAsync(execution);

        var page = await sfn.OkAsync("GetExecutionHistory", new { executionArn = execution, maxResults = 3, reverseOrder = true, includeExecutionData = false });

        var events = page["events"]!.AsArray();
        Assert.Equal(3, events.Count);
        Assert.Equal("ExecutionSucceeded", events[0]!["type"]!.GetValue<string>());
        Assert.NotNull(events[0]!["executionSucceededEventDetails"]);
        Assert.Null(events[0]!["executionSucceededEventDetails"]!["output"]);
        Assert.Equal("TaskStateExited", events[1]!["type"]!.GetValue<string>());
        Assert.NotNull(page["nextToken"]);
        var rest = await sfn.OkAsync("GetExecutionHistory", new { executionArn = execution, reverseOrder = true, nextToken = page["nextToken"]!.GetValue<string>() });
        Assert.Equal(5, rest["events"]!.AsArray().Count);
        Assert.Null(rest["nextToken"]);
    }

    [Fact]
    public async Task SendTaskFailure_CaughtAsTaskFailed_WithCallersErrorAndCause()
    {
        var (sfn, execution) = await StartedAsync();
        await using var _ = sfn;

        await sfn.OkAsync("SendTaskFailure", new { taskToken = sfn.TokenSent(), error = "JobFailed", cause = "the api said no" });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"Error":"JobFailed","Cause":"the api said no"}""", done.Output);
        var failed = done.History.Single(e => e.Type == "TaskFailed");
        Assert.Equal("JobFailed", failed.Details!["error"]!.GetValue<string>());
        Assert.Equal("the api said no", failed.Details!["cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task TimeoutSeconds_Elapses_TaskTimedOutCaughtAndLateCallbackRefused()
    {
        var (sfn, execution) = await StartedAsync("\"TimeoutSeconds\": 60,");
        await using var _ = sfn;
        var token = sfn.TokenSent();

        sfn.Time.Advance(TimeSpan.FromSeconds(59));
        await sfn.IdleAsync(execution);
        Assert.Equal("RUNNING", (await sfn.OkAsync("DescribeExecution", new { executionArn = execution }))["status"]!.GetValue<string>());
        sfn.Time.Advance(TimeSpan.FromSeconds(1));
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("""{"Error":"States.Timeout","Cause":""}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskTimedOut", "TaskStateExited",
            "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], SfnHarness.Types(done));
        var timedOut = done.History.Single(e => e.Type == "TaskTimedOut").Details!;
        Assert.Equal("States.Timeout", timedOut["error"]!.GetValue<string>());
        Assert.Null(timedOut["cause"]);
        Assert.Equal(60, done.History[2].Details!["timeoutInSeconds"]!.GetValue<long>());
        Assert.Equal("TaskTimedOut", (await sfn.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = "{}" })).Code);
    }

    [Fact]
    public async Task HeartbeatSeconds_Missed_HeartbeatTimeoutMatchedByStatesTimeout()
    {
        var (sfn, execution) = await StartedAsync("\"TimeoutSeconds\": 600, \"HeartbeatSeconds\": 30,");
        await using var _ = sfn;

        sfn.Time.Advance(TimeSpan.FromSeconds(20));
        await sfn.OkAsync("SendTaskHeartbeat", new { taskToken = sfn.TokenSent() });
        sfn.Time.Advance(TimeSpan.FromSeconds(20));
        await sfn.IdleAsync(execution);
        Assert.False(sfn.FinishedAsync(execution).IsCompleted, "a heartbeat 20 s ago keeps the task alive at 40 s");
        sfn.Time.Advance(TimeSpan.FromSeconds(10));
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("""{"Error":"States.HeartbeatTimeout","Cause":""}""", done.Output);
        Assert.Equal("States.HeartbeatTimeout", done.History.Single(e => e.Type == "TaskTimedOut").Details!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendTaskSuccess_Twice_SecondIsTaskTimedOutAndExecutionAdvancesOnce()
    {
        var (sfn, execution) = await StartedAsync();
        await using var _ = sfn;
        var token = sfn.TokenSent();

        await sfn.OkAsync("SendTaskSuccess", new { taskToken = token, output = """{"n":1}""" });
        var second = await sfn.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = """{"n":2}""" });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("TaskTimedOut", second.Code);
        Assert.Equal("""{"n":1}""", done.Output);
        Assert.Single(done.History, e => e.Type == "TaskSucceeded");
    }

    [Fact]
    public async Task SendTaskSuccess_ConcurrentCallers_ExactlyOneWins()
    {
        var (sfn, execution) = await StartedAsync();
        await using var _ = sfn;
        var token = sfn.TokenSent();

        var calls = Enumerable.Range(0, 16).Select(i => Task.Run(() => sfn.CallAsync("SendTaskSuccess", new { taskToken = token, output = $$"""{"n":{{i}}}""" }))).ToArray();
        var statuses = (await Task.WhenAll(calls)).Select(r => r.Status).ToList();
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.Single(done.History, e => e.Type == "TaskSucceeded");
    }

    [Fact]
    public async Task StopExecution_ThenCallback_TaskTimedOutAndAborted()
    {
        var (sfn, execution) = await StartedAsync();
        await using var _ = sfn;

        await sfn.OkAsync("StopExecution", new { executionArn = execution, error = "Manual", cause = "operator" });
        var refused = await sfn.ErrorAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(), output = "{}" });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("TaskTimedOut", refused.Code);
        Assert.Equal("ABORTED", done.Status);
        Assert.Equal("ExecutionAborted", done.History[^1].Type);
        Assert.Equal("Manual", done.History[^1].Details!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendTaskSuccess_WhileInvokeInFlight_TokenAlreadyValid()
    {
        await using var sfn = new SfnHarness();
        var invoked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<Core.Ports.LambdaInvokeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        sfn.Lambda.Answers("create-job", request =>
        {
            invoked.TrySetResult(JsonNode.Parse(request.Payload.Span)!["token"]!.GetValue<string>());
            return release.Task;
        });
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Definition()), """{"job":"j1"}""");
        var token = await invoked.Task.WaitAsync(TestContext.Current.CancellationToken);

        await sfn.OkAsync("SendTaskSuccess", new { taskToken = token, output = """{"early":true}""" });
        release.SetResult(new Core.Ports.LambdaInvokeResult(200, "null"u8.ToArray(), null));
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("""{"early":true}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
    }

    [Theory]
    [InlineData("not-a-token", "InvalidToken")]
    [InlineData("", "InvalidToken")]
    [InlineData("well-formed, never issued", "TaskDoesNotExist")]
    public async Task SendTaskSuccess_BadToken_AwsError(string token, string expected)
    {
        token = token == "well-formed, never issued" ? TaskTokenRegistry.Mint() : token;
        await using var sfn = new SfnHarness();
        Assert.Equal(expected, (await sfn.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = "{}" })).Code);
        Assert.Equal(expected, (await sfn.ErrorAsync("SendTaskHeartbeat", new { taskToken = token })).Code);
        Assert.Equal(expected, (await sfn.ErrorAsync("SendTaskFailure", new { taskToken = token })).Code);
    }

    [Fact]
    public async Task SendTaskSuccess_OutputNotJson_InvalidOutputAndTaskStaysOpen()
    {
        var (sfn, execution) = await StartedAsync();
        await using var _ = sfn;

        Assert.Equal("InvalidOutput", (await sfn.ErrorAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(), output = "{not json" })).Code);
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(), output = "1" });
        Assert.Equal("SUCCEEDED", (await sfn.FinishedAsync(execution)).Status);
    }

    [Fact]
    public async Task SendTask_OversizedFields_ValidationException()
    {
        var (sfn, execution) = await StartedAsync();
        await using var _ = sfn;
        var token = sfn.TokenSent();

        var bigOutput = "\"" + new string('x', 262_144) + "\"";
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = bigOutput })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("SendTaskFailure", new { taskToken = token, error = new string('e', 257) })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("SendTaskFailure", new { taskToken = token, cause = new string('c', 32_769) })).Code);
        await sfn.OkAsync("SendTaskFailure", new { taskToken = token, error = new string('e', 256), cause = new string('c', 32_768) });
        var done = await sfn.FinishedAsync(execution);
        Assert.Equal(256, JsonNode.Parse(done.Output!)!["Error"]!.GetValue<string>().Length);
    }
}
