using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>arn:aws:states:::states:startExecution and its .sync, .sync:2 and .waitForTaskToken forms.</summary>
public sealed class NestedWorkflowTests
{
    private const string Child = """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"got.$":"$"},"End":true}}}""";
    private const string FailingChild = """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom","Cause":"child broke"}}}""";
    private const string WaitingChild = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""";

    private static string Parent(string action, string childArn, string extra = "")
        => """{"StartAt":"Start","States":{"Start":{"Type":"Task","Resource":"arn:aws:states:::states:""" + action
            + "\",\"Parameters\":{\"StateMachineArn\":\"" + childArn + "\",\"Input\":{\"n\":1,\"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$\":\"$$.Execution.Id\"}},"
            + extra + "\"End\":true}}}";

    [Fact]
    public async Task RequestResponse_AnswersExecutionArnAndStartDate_ChildGetsParentId()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(Child, "child");
        var parent = await sfn.CreateAsync(Parent("startExecution", child), "parent");
        var run = await sfn.StartAsync(parent);
        var done = await sfn.RunToEndAsync(run, TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        var output = JsonNode.Parse(done.Output!)!.AsObject();
        var childArn = output["ExecutionArn"]!.GetValue<string>();
        Assert.StartsWith("arn:aws:states:", childArn, StringComparison.Ordinal);
        Assert.Equal(SfnHarness.Epoch.ToUnixTimeMilliseconds(), output["StartDate"]!.GetValue<long>());
        Assert.Equal(200, output["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        var scheduled = done.History.Single(e => e.Type == "TaskScheduled").Details!;
        Assert.Equal("states", scheduled["resourceType"]!.GetValue<string>());
        Assert.Equal("startExecution", scheduled["resource"]!.GetValue<string>());
        var childDone = await sfn.RunToEndAsync(childArn, TimeSpan.FromSeconds(1));
        Assert.Equal(run, JsonNode.Parse(childDone.Input)!["AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sync_WaitsForChild_OutputIsJsonString()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(WaitingChild, "child");
        var parent = await sfn.CreateAsync(Parent("startExecution.sync", child), "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(30));

        Assert.Equal("SUCCEEDED", done.Status);
        var output = JsonNode.Parse(done.Output!)!.AsObject();
        Assert.Equal("SUCCEEDED", output["Status"]!.GetValue<string>());
        Assert.Equal(1, JsonNode.Parse(output["Output"]!.GetValue<string>())!["n"]!.GetValue<int>());
        Assert.Equal(60_000, output["StopDate"]!.GetValue<long>() - output["StartDate"]!.GetValue<long>());
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
        var succeeded = done.History.Single(e => e.Type == "TaskSucceeded").Details!;
        Assert.Equal("startExecution.sync", succeeded["resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sync2_OutputIsJson()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(Child, "child");
        var parent = await sfn.CreateAsync(Parent("startExecution.sync:2", child), "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        var output = JsonNode.Parse(done.Output!)!;
        Assert.Equal(1, output["Output"]!["got"]!["n"]!.GetValue<int>());
        Assert.Equal("startExecution.sync:2", done.History.Single(e => e.Type == "TaskSucceeded").Details!["resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sync_FailedChild_FailsTaskWithStatesTaskFailed()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(FailingChild, "child");
        var parent = await sfn.CreateAsync(Parent("startExecution.sync", child), "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(1));

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.TaskFailed", done.Error);
        var cause = JsonNode.Parse(done.Cause!)!;
        Assert.Equal("FAILED", cause["Status"]!.GetValue<string>());
        Assert.Equal("Boom", cause["Error"]!.GetValue<string>());
        Assert.Equal("child broke", cause["Cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task StoppingParent_StopsSyncChild()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(WaitingChild, "child");
        var parent = await sfn.CreateAsync(Parent("startExecution.sync", child), "parent");
        var run = await sfn.StartAsync(parent);
        await sfn.IdleAsync(run);
        var childArn = ChildOf(sfn, run);

        await sfn.OkAsync("StopExecution", new { executionArn = run });
        var childDone = await sfn.FinishedAsync(childArn);

        Assert.Equal("ABORTED", childDone.Status);
    }

    [Fact]
    public async Task WaitForTaskToken_ChildSendsToken()
    {
        await using var sfn = new SfnHarness();
        const string tokenChild = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";
        var child = await sfn.CreateAsync(tokenChild, "child");
        var parent = await sfn.CreateAsync("""{"StartAt":"Start","States":{"Start":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.waitForTaskToken","Parameters":{"StateMachineArn":""" + "\"" + child
            + "\",\"Input\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}}", "parent");
        var run = await sfn.StartAsync(parent);
        await sfn.IdleAsync(run);
        var childArn = ChildOf(sfn, run);
        var childDone = await sfn.FinishedAsync(childArn);
        var token = JsonNode.Parse(childDone.Output!)!["token"]!.GetValue<string>();

        await sfn.OkAsync("SendTaskSuccess", new { taskToken = token, output = """{"from":"child"}""" });
        var done = await sfn.FinishedAsync(run);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"from":"child"}""", done.Output);
    }

    [Fact]
    public async Task MissingChildMachine_FailsWithStepFunctionsError()
    {
        await using var sfn = new SfnHarness();
        var parent = await sfn.CreateAsync(Parent("startExecution", "arn:aws:states:us-east-1:000000000000:stateMachine:nope"), "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(1));

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("StepFunctions.StateMachineDoesNotExistException", done.Error);
    }

    private static string ChildOf(SfnHarness sfn, string run)
        => JsonNode.Parse(sfn.Service.Executions.Find(run)!.Snapshot().History.Single(e => e.Type == "TaskSubmitted").Details!["output"]!.GetValue<string>())!["ExecutionArn"]!.GetValue<string>();
}
