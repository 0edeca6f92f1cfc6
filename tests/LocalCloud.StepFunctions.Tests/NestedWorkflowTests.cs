using System.Text.Json;
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
    public async Task ParentExecutionTimesOut_StopsSyncChild()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(WaitingChild, "child");
        var parent = await sfn.CreateAsync(Parent("startExecution.sync", child).Replace("{\"StartAt\"", "{\"TimeoutSeconds\":10,\"StartAt\"", StringComparison.Ordinal), "parent");
        var run = await sfn.StartAsync(parent);
        await sfn.IdleAsync(run);
        var childArn = ChildOf(sfn, run);

        // Stepped by hand: RunToEndAsync may step again before it sees the parent finished, and the child is stopped just after.
        sfn.Time.Advance(TimeSpan.FromSeconds(10));
        var done = await sfn.FinishedAsync(run);
        var childDone = await sfn.FinishedAsync(childArn);

        Assert.Equal("TIMED_OUT", done.Status);
        Assert.Equal("ABORTED", childDone.Status);
        Assert.Equal(SfnHarness.Epoch.AddSeconds(10), childDone.StopDate);
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

    [Fact]
    public async Task RequestResponse_OutputHasAwsKeysInOrder()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(WaitingChild, "child");
        var parent = await sfn.CreateAsync(Parent("startExecution", child), "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(1));

        // AWS's recorded TaskSucceeded (LocalStack test_sfn_task_service.snapshot.json): the Java SDK's alphabetical order.
        Assert.Equal(["ExecutionArn", "SdkHttpMetadata", "SdkResponseMetadata", "StartDate"], Keys(done.Output!));
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
        var childArn = JsonNode.Parse(done.Output!)!["ExecutionArn"]!.GetValue<string>();
        Assert.Equal("RUNNING", (await sfn.OkAsync("DescribeExecution", new { executionArn = childArn }))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sync_OutputIsDescribeExecutionShape_InAwsOrder()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(Child, "child");
        var parent = await sfn.CreateAsync(Parent("startExecution.sync", child), "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(1));

        Assert.Equal(["ExecutionArn", "Input", "InputDetails", "Name", "Output", "OutputDetails", "StartDate", "StateMachineArn", "Status", "StopDate"],
            Keys(done.Output!));
        var output = JsonNode.Parse(done.Output!)!;
        Assert.Equal(JsonValueKind.String, output["Input"]!.GetValueKind());
        Assert.Equal(child, output["StateMachineArn"]!.GetValue<string>());
        Assert.True(output["InputDetails"]!["Included"]!.GetValue<bool>());
        var submitted = JsonNode.Parse(done.History.Single(e => e.Type == "TaskSubmitted").Details!["output"]!.GetValue<string>())!;
        Assert.Equal(output["ExecutionArn"]!.GetValue<string>(), submitted["ExecutionArn"]!.GetValue<string>());
        Assert.Equal("startExecution.sync", done.History.Single(e => e.Type == "TaskSubmitted").Details!["resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sync_FailedChild_CauseIsTheChildsDescription_AndCatchable()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(FailingChild, "child");
        var parent = await sfn.CreateAsync(Parent("startExecution.sync", child,
            "\"Catch\":[{\"ErrorEquals\":[\"States.TaskFailed\"],\"ResultPath\":\"$.err\",\"Next\":\"Caught\"}],").Replace("\"End\":true}}}", "\"Next\":\"Caught\"},\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}", StringComparison.Ordinal), "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        var failed = done.History.Single(e => e.Type == "TaskFailed").Details!;
        Assert.Equal("States.TaskFailed", failed["error"]!.GetValue<string>());
        Assert.Equal("startExecution.sync", failed["resource"]!.GetValue<string>());
        // AWS's recorded cause (LocalStack test_callback.snapshot.json, test_start_execution_sync_delegate_failure).
        Assert.Equal(["Cause", "Error", "ExecutionArn", "Input", "InputDetails", "Name", "StartDate", "StateMachineArn", "Status", "StopDate"],
            Keys(failed["cause"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Sync_NullInput_ChildGetsEmptyObject()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(Child, "child");
        var parent = await sfn.CreateAsync("""{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Parameters":{"StateMachineArn":""" + "\"" + child
            + "\",\"Input\":null,\"Name\":\"TestStartTarget\"},\"End\":true}}}", "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        var output = JsonNode.Parse(done.Output!)!;
        Assert.Equal("{}", output["Input"]!.ToJsonString());
        Assert.Equal("TestStartTarget", output["Name"]!.GetValue<string>());
        Assert.EndsWith(":execution:child:TestStartTarget", output["ExecutionArn"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonata_Arguments_StartAndWait()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(Child, "child");
        var parent = await sfn.CreateAsync("""{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Arguments":{"StateMachineArn":""" + "\"" + child
            + "\",\"Input\":{\"n\":\"{% $states.input.n + 1 %}\",\"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID\":\"{% $states.context.Execution.Id %}\"}},\"Output\":\"{% $states.result.Output.got %}\",\"End\":true}}}", "parent");
        var run = await sfn.StartAsync(parent, """{"n":41}""");
        var done = await sfn.RunToEndAsync(run, TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        var got = JsonNode.Parse(done.Output!)!;
        Assert.Equal(42, got["n"]!.GetValue<int>());
        Assert.Equal(run, got["AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExpressChild_RequestResponseAndSync()
    {
        await using var sfn = new SfnHarness();
        var child = (await sfn.OkAsync("CreateStateMachine", new { name = "fast", definition = Child, roleArn = SfnHarness.Role, type = "EXPRESS" }))["stateMachineArn"]!.GetValue<string>();
        var started = await sfn.RunToEndAsync(await sfn.StartAsync(await sfn.CreateAsync(Parent("startExecution", child), "p1")), TimeSpan.FromSeconds(1));
        var synced = await sfn.RunToEndAsync(await sfn.StartAsync(await sfn.CreateAsync(Parent("startExecution.sync:2", child), "p2")), TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", started.Status);
        Assert.Contains(":express:fast:", JsonNode.Parse(started.Output!)!["ExecutionArn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("SUCCEEDED", synced.Status);
        Assert.Equal(1, JsonNode.Parse(synced.Output!)!["Output"]!["got"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Sync_TaskTimeout_LeavesChildRunning()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(WaitingChild, "child");
        var parent = await sfn.CreateAsync(Parent("startExecution.sync", child, "\"TimeoutSeconds\":10,"), "parent");
        var run = await sfn.StartAsync(parent);
        await sfn.IdleAsync(run);
        var childArn = ChildOf(sfn, run);
        sfn.Time.Advance(TimeSpan.FromSeconds(10));
        var done = await sfn.FinishedAsync(run);

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.Timeout", done.Error);
        Assert.Equal("RUNNING", (await sfn.OkAsync("DescribeExecution", new { executionArn = childArn }))["status"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", (await sfn.RunToEndAsync(childArn, TimeSpan.FromSeconds(5))).Status);
    }

    [Fact]
    public async Task Sync_ParallelChildren_BothAwaited()
    {
        await using var sfn = new SfnHarness();
        var slow = await sfn.CreateAsync(WaitingChild, "slow");
        var fast = await sfn.CreateAsync(Child, "fast");
        static string Branch(string arn) => "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution.sync:2\",\"Parameters\":{\"StateMachineArn\":\""
            + arn + "\"},\"OutputPath\":\"$.Status\",\"End\":true}}}";
        var parent = await sfn.CreateAsync("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":[" + Branch(slow) + "," + Branch(fast) + "],\"End\":true}}}", "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(30));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""["SUCCEEDED","SUCCEEDED"]""", done.Output);
        Assert.Equal(SfnHarness.Epoch.AddSeconds(60), done.History[^1].Timestamp);
    }

    [Fact]
    public async Task NameTakenWithOtherInput_FailsWithExecutionAlreadyExistsException()
    {
        await using var sfn = new SfnHarness();
        var child = await sfn.CreateAsync(WaitingChild, "child");
        await sfn.StartAsync(child, """{"other":true}""", "fixed");
        var parent = await sfn.CreateAsync("""{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":""" + "\"" + child
            + "\",\"Name\":\"fixed\"},\"End\":true}}}", "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(1));

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("StepFunctions.ExecutionAlreadyExistsException", done.Error);
        Assert.Contains("(Service: AWSStepFunctions; Status Code: 400; Error Code: ExecutionAlreadyExists;", done.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateMachineArnNotAString_FailsWithStatesRuntime()
    {
        await using var sfn = new SfnHarness();
        var parent = await sfn.CreateAsync("""{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":42},"End":true}}}""", "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(1));

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.Runtime", done.Error);
        Assert.DoesNotContain(done.History, e => e.Type == "TaskScheduled");
    }

    [Theory]
    [InlineData("not-an-arn", "StepFunctions.InvalidArnException")]
    [InlineData("arn:aws:states:us-east-1:000000000000:stateMachine:missing", "StepFunctions.StateMachineDoesNotExistException")]
    public async Task BadStateMachineArn_FailsWithStartExecutionsError(string arn, string error)
    {
        await using var sfn = new SfnHarness();
        var parent = await sfn.CreateAsync(Parent("startExecution.sync", arn), "parent");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(parent), TimeSpan.FromSeconds(1));

        Assert.Equal("FAILED", done.Status);
        Assert.Equal(error, done.Error);
        Assert.Equal("TaskFailed", done.History[^2].Type);
        Assert.DoesNotContain(done.History, e => e.Type == "TaskSubmitted");
    }

    private static List<string> Keys(string json) => [.. JsonNode.Parse(json)!.AsObject().Select(p => p.Key)];

    private static string ChildOf(SfnHarness sfn, string run)
        => JsonNode.Parse(sfn.Service.Executions.Find(run)!.Snapshot().History.Single(e => e.Type == "TaskSubmitted").Details!["output"]!.GetValue<string>())!["ExecutionArn"]!.GetValue<string>();
}
