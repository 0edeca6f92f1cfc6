using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Mocks;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>
/// Executions of a Step Functions Local test case (stateMachineArn#TestCase): mocked states answer from the mock file
/// instead of calling their integration, one index per invocation (retries included), with the history Step Functions
/// Local writes; states the test case leaves out call the real integration.
/// </summary>
public sealed class MockedExecutionTests
{
    /// <summary>The state machine of https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-test-sm-exec.html (SQS is not run by LocalCloud: only mocked).</summary>
    private const string LambdaSqsIntegration = """
        {
          "StartAt": "LambdaState",
          "States": {
            "LambdaState": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": { "Payload.$": "$", "FunctionName": "HelloWorldFunction" },
              "Retry": [{ "ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2 }],
              "Next": "SQSState"
            },
            "SQSState": {
              "Type": "Task",
              "Resource": "arn:aws:states:::sqs:sendMessage",
              "Parameters": { "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/myQueue", "MessageBody.$": "$" },
              "End": true
            }
          }
        }
        """;

    private static SfnHarness Harness(string config = MockConfigLoaderTests.AwsExample)
        => new(mocks: MockConfigSource.Of(MockConfigLoader.Parse(config)));

    [Fact]
    public async Task HappyPath_MockedReturns_HistoryShowsThemAndNoLambdaIsCalled()
    {
        await using var sfn = Harness();
        var arn = await sfn.CreateAsync(LambdaSqsIntegration, "LambdaSQSIntegration");

        var execution = await sfn.StartAsync(arn + "#HappyPath", "{}", "executionWithHappyPathMockedServices");
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("arn:aws:states:us-east-1:000000000000:execution:LambdaSQSIntegration:executionWithHappyPathMockedServices", execution);
        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51","MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}""", done.Output);
        Assert.Empty(sfn.Lambda.Invocations);
        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
             "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
        var lambda = done.History[4].Details!;
        Assert.Equal("lambda", lambda["resourceType"]!.GetValue<string>());
        Assert.Equal("invoke", lambda["resource"]!.GetValue<string>());
        Assert.Equal("""{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}""", lambda["output"]!.GetValue<string>());
        var sqs = done.History[9].Details!;
        Assert.Equal(("sqs", "sendMessage"), (sqs["resourceType"]!.GetValue<string>(), sqs["resource"]!.GetValue<string>()));
        // The mocked Lambda result flows on as input, as a real call's would.
        Assert.Contains("Hello from Lambda!", done.History[6].Details!["input"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryPath_EachRetryTakesTheNextIndex_RangesIncluded()
    {
        await using var sfn = Harness();
        var arn = await sfn.CreateAsync(LambdaSqsIntegration, "LambdaSQSIntegration");

        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn + "#RetryPath"), TimeSpan.FromSeconds(10));

        Assert.Equal("SUCCEEDED", done.Status);
        var failed = done.History.Where(e => e.Type == "TaskFailed").Select(e => e.Details!["error"]!.GetValue<string>()).ToList();
        Assert.Equal(["Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException"], failed);
        Assert.Equal("Lambda timed out.", done.History.Last(e => e.Type == "TaskFailed").Details!["cause"]!.GetValue<string>());
        Assert.Equal(4, done.History.Count(e => e.Type == "TaskScheduled" && e.Details!["resourceType"]!.GetValue<string>() == "lambda"));
        Assert.Empty(sfn.Lambda.Invocations);
    }

    [Fact]
    public async Task HybridPath_UnmockedStateCallsTheRealIntegration()
    {
        await using var sfn = Harness();
        var arn = await sfn.CreateAsync(LambdaSqsIntegration, "LambdaSQSIntegration");

        var done = await sfn.FinishedAsync(await sfn.StartAsync(arn + "#HybridPath"));

        // LocalCloud runs no SQS: the real call fails as any unsupported integration does, which shows it was attempted.
        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.Runtime", done.Error);
        Assert.Contains("sqs:sendMessage", done.Cause, StringComparison.Ordinal);
        Assert.Empty(sfn.Lambda.Invocations);
    }

    [Fact]
    public async Task UnmockedState_OfAMockedExecution_InvokesLambda()
    {
        await using var sfn = Harness("""
            {"StateMachines":{"Two":{"TestCases":{"FirstOnly":{"First":"R"}}}},
             "MockedResponses":{"R":{"0":{"Return":{"Payload":{"from":"mock"}}}}}}
            """);
        sfn.Lambda.Returns("real", """{"from":"lambda"}""");
        var arn = await sfn.CreateAsync("""
            {"StartAt":"First","States":{
              "First":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"real","Payload.$":"$"},"OutputPath":"$.Payload","Next":"Second"},
              "Second":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"real","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}
            """, "Two");

        var done = await sfn.FinishedAsync(await sfn.StartAsync(arn + "#FirstOnly"));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"from":"lambda"}""", done.Output);
        var call = Assert.Single(sfn.Lambda.Invocations);
        Assert.Equal("""{"from":"mock"}""", System.Text.Encoding.UTF8.GetString(call.Payload.Span));
    }

    [Fact]
    public async Task Throw_IsCaughtLikeTheRealError_WithMockedErrorAndCause()
    {
        await using var sfn = Harness("""
            {"StateMachines":{"cb":{"TestCases":{"Fails":{"Wait":"JobFailed"}}}},
             "MockedResponses":{"JobFailed":{"0":{"Throw":{"Error":"JobFailed","Cause":"the api said no"}}}}}
            """);
        var arn = await sfn.CreateAsync(CallbackDefinitions.Callback(""), "cb");

        var done = await sfn.FinishedAsync(await sfn.StartAsync(arn + "#Fails", """{"job":"j1"}"""));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"Error":"JobFailed","Cause":"the api said no"}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskStateExited",
            "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], SfnHarness.Types(done));
        Assert.Empty(sfn.Lambda.Invocations);
    }

    [Fact]
    public async Task WaitForTaskToken_MockedReturn_IsTheCallbackResult_AfterTaskSubmitted()
    {
        await using var sfn = Harness("""
            {"StateMachines":{"cb":{"TestCases":{"Completes":{"Wait":"Done"}}}},
             "MockedResponses":{"Done":{"0":{"Return":{"jobId":"j1","status":"COMPLETED"}}}}}
            """);
        var arn = await sfn.CreateAsync(CallbackDefinitions.Callback(""), "cb");

        var done = await sfn.FinishedAsync(await sfn.StartAsync(arn + "#Completes", """{"job":"j1"}"""));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"jobId":"j1","status":"COMPLETED"}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited",
            "ExecutionSucceeded"], SfnHarness.Types(done));
        Assert.Equal("invoke.waitForTaskToken", done.History[5].Details!["resource"]!.GetValue<string>());
        Assert.Empty(sfn.Lambda.Invocations);
    }

    [Fact]
    public async Task InvocationWithoutAnAnswer_FailsTheStateWithStatesRuntime()
    {
        await using var sfn = Harness("""
            {"StateMachines":{"loop":{"TestCases":{"Short":{"Check":"Once"}}}},
             "MockedResponses":{"Once":{"0":{"Throw":{"Error":"Boom","Cause":"first"}}}}}
            """);
        var arn = await sfn.CreateAsync("""
            {"StartAt":"Check","States":{"Check":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},
              "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":1,"MaxAttempts":2}],"End":true}}}
            """, "loop");

        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn + "#Short"), TimeSpan.FromSeconds(5));

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.Runtime", done.Error);
        Assert.Contains("invocation 1 of state 'Check'", done.Cause, StringComparison.Ordinal);
        Assert.Single(done.History, e => e.Type == "TaskFailed");
        Assert.Empty(sfn.Lambda.Invocations);
    }

    [Fact]
    public async Task UnknownTestCase_IsInvalidArn_AndNoExecutionStarts()
    {
        await using var sfn = Harness();
        var arn = await sfn.CreateAsync(LambdaSqsIntegration, "LambdaSQSIntegration");

        var (code, message) = await sfn.ErrorAsync("StartExecution", new { stateMachineArn = arn + "#SadPath" });

        Assert.Equal("InvalidArn", code);
        Assert.Contains("no test case 'SadPath' for the state machine 'LambdaSQSIntegration'", message, StringComparison.Ordinal);
        Assert.Empty((await sfn.OkAsync("ListExecutions", new { stateMachineArn = arn }))["executions"]!.AsArray());
    }

    [Fact]
    public async Task TestCase_WithoutAMockConfiguration_IsInvalidArn()
    {
        await using var sfn = new SfnHarness();
        var arn = await sfn.CreateAsync(LambdaSqsIntegration, "LambdaSQSIntegration");

        var (code, message) = await sfn.ErrorAsync("StartExecution", new { stateMachineArn = arn + "#HappyPath" });

        Assert.Equal("InvalidArn", code);
        Assert.Contains("--mock-config", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestCaseOfAnotherMachine_DoesNotApply()
    {
        await using var sfn = Harness();
        var arn = await sfn.CreateAsync(LambdaSqsIntegration, "SomethingElse");

        var (code, _) = await sfn.ErrorAsync("StartExecution", new { stateMachineArn = arn + "#HappyPath" });

        Assert.Equal("InvalidArn", code);
    }

    [Fact]
    public async Task PlainStart_OfAMockedMachine_CallsEverythingForReal()
    {
        await using var sfn = Harness();
        var arn = await sfn.CreateAsync(LambdaSqsIntegration, "LambdaSQSIntegration");

        var done = await sfn.FinishedAsync(await sfn.StartAsync(arn, """{"hello":1}"""));

        Assert.Equal("FAILED", done.Status);
        Assert.Single(sfn.Lambda.Invocations);
        Assert.Equal("""{"hello":1}""", JsonNode.Parse(sfn.Lambda.PayloadText(0))!.ToJsonString());
    }

    [Fact]
    public async Task MapIterations_ShareTheStatesInvocationCount()
    {
        await using var sfn = Harness("""
            {"StateMachines":{"each":{"TestCases":{"Three":{"Handle":"PerItem"}}}},
             "MockedResponses":{"PerItem":{"0-1":{"Return":{"Payload":"early"}},"2":{"Return":{"Payload":"last"}}}}}
            """);
        var arn = await sfn.CreateAsync("""
            {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":1,"ItemProcessor":{"StartAt":"Handle","States":{
              "Handle":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}},"End":true}}}
            """, "each");

        var done = await sfn.FinishedAsync(await sfn.StartAsync(arn + "#Three", "[1,2,3]"));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""["early","early","last"]""", done.Output);
        Assert.Empty(sfn.Lambda.Invocations);
    }
}
