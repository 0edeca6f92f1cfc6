using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>TestState (#13): one state evaluated without a machine, its data flow inspected, Retry/Catch reported.</summary>
public sealed class TestStateTests
{
    private const string LambdaArn = "arn:aws:lambda:us-east-1:000000000000:function:job";

    private static string Text(JsonObject body, string member) => body[member]!.GetValue<string>();

    [Fact]
    public async Task Pass_Debug_ShowsEachPhaseAndNextState()
    {
        await using var sfn = new SfnHarness();
        var body = await sfn.OkAsync("TestState", new
        {
            definition = """{"Type":"Pass","InputPath":"$.a","Parameters":{"x.$":"$.b"},"ResultPath":"$.out","Next":"After"}""",
            input = """{"a":{"b":1}}""",
            inspectionLevel = "DEBUG",
        });
        Assert.Equal("SUCCEEDED", Text(body, "status"));
        Assert.Equal("After", Text(body, "nextState"));
        Assert.Equal("""{"a":{"b":1},"out":{"x":1}}""", Text(body, "output"));
        var data = body["inspectionData"]!.AsObject();
        Assert.Equal("""{"a":{"b":1}}""", Text(data, "input"));
        Assert.Equal("""{"b":1}""", Text(data, "afterInputPath"));
        Assert.Equal("""{"x":1}""", Text(data, "afterParameters"));
    }

    [Fact]
    public async Task Info_HasNoInspectionData()
    {
        await using var sfn = new SfnHarness();
        var body = await sfn.OkAsync("TestState", new { definition = """{"Type":"Succeed"}""", input = "{\"k\":1}" });
        Assert.Equal("SUCCEEDED", Text(body, "status"));
        Assert.Null(body["inspectionData"]);
        Assert.Null(body["nextState"]);
        Assert.Equal("{\"k\":1}", Text(body, "output"));
    }

    [Fact]
    public async Task Choice_NoMatch_FailsWithNoChoiceMatched_AndWaitAnswersAtOnce()
    {
        await using var sfn = new SfnHarness();
        const string choice = """{"Type":"Choice","Choices":[{"Variable":"$.s","StringEquals":"A","Next":"GotA"}]}""";
        var matched = await sfn.OkAsync("TestState", new { definition = choice, input = """{"s":"A"}""" });
        Assert.Equal("GotA", Text(matched, "nextState"));
        var failed = await sfn.OkAsync("TestState", new { definition = choice, input = """{"s":"B"}""" });
        Assert.Equal("FAILED", Text(failed, "status"));
        Assert.Equal("States.NoChoiceMatched", Text(failed, "error"));

        // The fake clock never moves: a Wait that waited would never answer.
        var wait = await sfn.OkAsync("TestState", new { definition = """{"Type":"Wait","Seconds":3600,"Next":"N"}""", input = "{}" });
        Assert.Equal("N", Text(wait, "nextState"));
    }

    [Fact]
    public async Task Fail_ReportsErrorAndCause()
    {
        await using var sfn = new SfnHarness();
        var body = await sfn.OkAsync("TestState", new { definition = """{"Type":"Fail","Error":"Boom","Cause":"because"}""" });
        Assert.Equal("FAILED", Text(body, "status"));
        Assert.Equal("Boom", Text(body, "error"));
        Assert.Equal("because", Text(body, "cause"));
    }

    [Fact]
    public async Task Task_MockResult_ShowsResultSelectorAndResultPath_WithoutCallingLambda()
    {
        await using var sfn = new SfnHarness();
        var body = await sfn.OkAsync("TestState", new
        {
            definition = $$"""{"Type":"Task","Resource":"{{LambdaArn}}","ResultSelector":{"v.$":"$.value"},"ResultPath":"$.r","End":true}""",
            input = """{"in":1}""",
            inspectionLevel = "TRACE",
            mock = new { result = """{"value":7,"noise":true}""" },
        });
        Assert.Equal("SUCCEEDED", Text(body, "status"));
        Assert.Equal("""{"in":1,"r":{"v":7}}""", Text(body, "output"));
        var data = body["inspectionData"]!.AsObject();
        Assert.Equal("""{"value":7,"noise":true}""", Text(data, "result"));
        Assert.Equal("""{"v":7}""", Text(data, "afterResultSelector"));
        Assert.Equal("""{"in":1,"r":{"v":7}}""", Text(data, "afterResultPath"));
        Assert.Empty(sfn.Lambda.Invocations);
    }

    [Fact]
    public async Task Task_WithoutMock_CallsTheRealIntegration()
    {
        await using var sfn = new SfnHarness();
        sfn.Lambda.Returns("job", """{"ok":true}""");
        var body = await sfn.OkAsync("TestState", new
        {
            definition = $$"""{"Type":"Task","Resource":"{{LambdaArn}}","Next":"N"}""",
            input = """{"a":1}""",
        });
        Assert.Equal("SUCCEEDED", Text(body, "status"));
        Assert.Equal("""{"ok":true}""", Text(body, "output"));
        Assert.Single(sfn.Lambda.Invocations);
        Assert.Equal("""{"a":1}""", sfn.Lambda.PayloadText(0));
    }

    [Fact]
    public async Task Task_MockedError_RetriableWithBackoff_ThenCaughtWhenRetriesAreSpent()
    {
        await using var sfn = new SfnHarness();
        const string definition = $$"""
            {"Type":"Task","Resource":"{{LambdaArn}}",
             "Retry":[{"ErrorEquals":["Other"]},{"ErrorEquals":["Lambda.ServiceException"],"IntervalSeconds":2,"MaxAttempts":3,"BackoffRate":2.0}],
             "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Handler"}],"End":true}
            """;
        var mock = new { errorOutput = new { error = "Lambda.ServiceException", cause = "down" } };
        var retriable = await sfn.OkAsync("TestState", new { definition, input = "{}", inspectionLevel = "DEBUG", mock, stateConfiguration = new { retrierRetryCount = 1 } });
        Assert.Equal("RETRIABLE", Text(retriable, "status"));
        Assert.Equal("Lambda.ServiceException", Text(retriable, "error"));
        var details = retriable["inspectionData"]!["errorDetails"]!;
        // AWS's own example: IntervalSeconds 2, BackoffRate 2.0, retrierRetryCount 1 → 4 seconds.
        Assert.Equal(4, details["retryBackoffIntervalSeconds"]!.GetValue<int>());
        Assert.Equal(1, details["retryIndex"]!.GetValue<int>());

        var caught = await sfn.OkAsync("TestState", new { definition, input = """{"a":1}""", inspectionLevel = "DEBUG", mock, stateConfiguration = new { retrierRetryCount = 3 } });
        Assert.Equal("CAUGHT_ERROR", Text(caught, "status"));
        Assert.Equal("Handler", Text(caught, "nextState"));
        Assert.Equal("""{"a":1,"error":{"Error":"Lambda.ServiceException","Cause":"down"}}""", Text(caught, "output"));
        Assert.Equal(0, caught["inspectionData"]!["errorDetails"]!["catchIndex"]!.GetValue<int>());
    }

    [Fact]
    public async Task Jsonata_Task_ShowsAfterArgumentsAndVariables()
    {
        await using var sfn = new SfnHarness();
        var body = await sfn.OkAsync("TestState", new
        {
            definition = $$"""{"Type":"Task","QueryLanguage":"JSONata","Resource":"{{LambdaArn}}","Arguments":{"n":"{% $states.input.n + $base %}"},"Assign":{"got":"{% $states.result.v %}"},"Output":"{% $states.result %}","End":true}""",
            input = """{"n":1}""",
            variables = """{"base":10}""",
            inspectionLevel = "DEBUG",
            mock = new { result = """{"v":"x"}""" },
        });
        Assert.Equal("SUCCEEDED", Text(body, "status"));
        var data = body["inspectionData"]!.AsObject();
        Assert.Equal("""{"n":11}""", Text(data, "afterArguments"));
        Assert.Null(data["afterInputPath"]);
        Assert.Equal("x", JsonNode.Parse(Text(data, "variables"))!["got"]!.GetValue<string>());
        Assert.Equal(10, JsonNode.Parse(Text(data, "variables"))!["base"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"Type":"Pass","End":true}""", """{"result":"{}"}""", "ValidationException", "State type 'Pass' is not supported when a mock is specified")]
    [InlineData("""{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:job","End":true}""", """{"result":"{}","errorOutput":{"error":"E"}}""", "ValidationException", "A test mock should have only one of the following fields: [result, errorOutput].")]
    [InlineData("""{"Type":"Parallel","Branches":[{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}],"End":true}""", null, "InvalidDefinition", "TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]")]
    [InlineData("""{"Type":"Parallel","Branches":[{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}],"End":true}""", """{"result":"{}"}""", "ValidationException", "Mocked result must be an array.")]
    public async Task RefusedRequests_GetAwsErrors(string definition, string? mockJson, string code, string message)
    {
        await using var sfn = new SfnHarness();
        var body = new JsonObject { ["definition"] = definition };
        if (mockJson is not null)
        {
            body["mock"] = JsonNode.Parse(mockJson);
        }
        var (actualCode, actualMessage) = await sfn.ErrorAsync("TestState", body);
        Assert.Equal(code, actualCode);
        Assert.Equal(message, actualMessage);
    }

    [Fact]
    public async Task BadDefinitionAndInput_AreRefused()
    {
        await using var sfn = new SfnHarness();
        Assert.Equal("InvalidDefinition", (await sfn.ErrorAsync("TestState", new { definition = """{"Type":"Nope"}""" })).Code);
        Assert.Equal("InvalidDefinition", (await sfn.ErrorAsync("TestState", new { definition = "{not json" })).Code);
        Assert.Equal("InvalidExecutionInput", (await sfn.ErrorAsync("TestState", new { definition = """{"Type":"Succeed"}""", input = "{x" })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("TestState", new { definition = """{"Type":"Succeed"}""", inspectionLevel = "LOUD" })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("TestState", new { })).Code);
    }

    [Fact]
    public async Task MockedParallel_AppliesTheStateDataFlowToTheMock()
    {
        await using var sfn = new SfnHarness();
        var body = await sfn.OkAsync("TestState", new
        {
            definition = """{"Type":"Parallel","Branches":[{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}],"ResultPath":"$.all","Next":"N"}""",
            input = """{"k":1}""",
            mock = new { result = "[42]" },
        });
        Assert.Equal("""{"k":1,"all":[42]}""", Text(body, "output"));
        Assert.Equal("N", Text(body, "nextState"));
    }
}
