using System.Diagnostics;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>
/// TestState's mock.fieldValidationMode against the integrations' response shapes (AWS's messages, from LocalStack's
/// recorded AWS responses), stateConfiguration's Map settings, and JSONata states; the embedded shapes are checked
/// against the API models in ../shared/data.
/// </summary>
public sealed class TestStateMockValidationTests
{
    private const string LambdaInvoke = """{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}""";
    private const string PutItem = """{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"t","Item":{"id":{"S":"1"}}},"End":true}""";
    private const string GetItem = """{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName":"t","Key":{"id":{"S":"1"}}},"End":true}""";

    private static async Task<JsonObject> MockedAsync(SfnHarness sfn, string definition, string result, string? mode = null)
        => await sfn.OkAsync("TestState", new { definition, input = "{}", mock = new { result, fieldValidationMode = mode } });

    [Theory]
    [InlineData(LambdaInvoke, """{"StatusCode":"200"}""", null, "Field 'StatusCode' must be a number")]
    [InlineData(LambdaInvoke, """{"StatusCode":"200"}""", "PRESENT", "Field 'StatusCode' must be a number")]
    [InlineData(LambdaInvoke, """{"StatusCode":200,"Payload":{"ok":true}}""", "STRICT", "Field 'Payload' must be a string")]
    [InlineData(LambdaInvoke, """{"FunctionError":["Unhandled"]}""", "STRICT", "Field 'FunctionError' must be a string")]
    [InlineData(PutItem, """{"ConsumedCapacity":{"CapacityUnits":"123.45"}}""", null, "Field 'CapacityUnits' must be a number")]
    [InlineData(PutItem, """{"Attributes":[]}""", null, "Field 'Attributes' must be an object")]
    [InlineData(GetItem, """{"Item":{"id":{"S":5}}}""", "PRESENT", "Field 'S' must be a string")]
    [InlineData(GetItem, """{"Item":{"id":{"BOOL":"yes"}}}""", "STRICT", "Field 'BOOL' must be a boolean")]
    [InlineData(GetItem, """{"Item":{"id":{"L":{"S":"x"}}}}""", "STRICT", "Field 'L' must be an array")]
    [InlineData(PutItem, """{"ItemCollectionMetrics":{"SizeEstimateRangeGB":["1"]}}""", "STRICT", "Field 'SizeEstimateRangeGB' must be a number")]
    public async Task InvalidMockedResult_IsAValidationException_WithAwsMessage(string definition, string result, string? mode, string message)
    {
        await using var sfn = new SfnHarness();

        var (code, text) = await sfn.ErrorAsync("TestState", new { definition, input = "{}", mock = new { result, fieldValidationMode = mode } });

        Assert.Equal("ValidationException", code);
        Assert.Equal("Mock result schema validation error: " + message, text);
    }

    [Theory]
    [InlineData(LambdaInvoke, """{"StatusCode":"200","Payload":{"ok":true}}""", "NONE")]
    [InlineData(LambdaInvoke, """{"random":"json"}""", "STRICT")]
    [InlineData(LambdaInvoke, "{}", null)]
    [InlineData(LambdaInvoke, """{"StatusCode":200,"Payload":"{\"ok\":true}","ExecutedVersion":"$LATEST"}""", "STRICT")]
    [InlineData(GetItem, """{"Item":{"id":{"S":"1"},"n":{"N":"5"},"m":{"M":{"x":{"NULL":true}}},"l":{"L":[{"SS":["a"]}]}}}""", "STRICT")]
    [InlineData("""{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:f","End":true}""", """{"StatusCode":"anything"}""", "STRICT")]
    [InlineData("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"f"},"End":true}""", """{"StatusCode":"callback output"}""", "STRICT")]
    public async Task ValidOrUnvalidatedMockedResult_Succeeds(string definition, string result, string? mode)
    {
        await using var sfn = new SfnHarness();

        var body = await MockedAsync(sfn, definition, result, mode);

        Assert.Equal("SUCCEEDED", body["status"]!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(result)!.ToJsonString(), JsonNode.Parse(body["output"]!.GetValue<string>())!.ToJsonString());
    }

    private const string ToleratingMap = """
        {"Type":"Map","ItemsPath":"$.items","ToleratedFailureCount":1,
         "ItemProcessor":{"StartAt":"HandleItem","States":{"HandleItem":{"Type":"Pass","End":true}}},
         "Catch":[{"ErrorEquals":["States.ExceedToleratedFailureThreshold"],"Next":"HandleThreshold"}],"End":true}
        """;

    [Theory]
    [InlineData(0, "SUCCEEDED")]
    [InlineData(1, "SUCCEEDED")]
    [InlineData(2, "CAUGHT_ERROR")]
    public async Task MapIterationFailureCount_AgainstToleratedFailureCount(int failures, string status)
    {
        await using var sfn = new SfnHarness();

        var body = await sfn.OkAsync("TestState", new
        {
            definition = ToleratingMap,
            input = """{"items":[1,2,3]}""",
            mock = new { result = "[1,1,1]" },
            stateConfiguration = new { mapIterationFailureCount = failures },
        });

        Assert.Equal(status, body["status"]!.GetValue<string>());
        if (status == "CAUGHT_ERROR")
        {
            Assert.Equal("States.ExceedToleratedFailureThreshold", body["error"]!.GetValue<string>());
            Assert.Equal("The specified tolerated failure threshold was exceeded", body["cause"]!.GetValue<string>());
            Assert.Equal("HandleThreshold", body["nextState"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData(2, null, "SUCCEEDED")]
    [InlineData(3, null, "FAILED")]
    [InlineData(3, "[1,2,3,4,5,6,7,8]", "SUCCEEDED")]
    public async Task MapIterationFailureCount_AgainstPercentage_OfTheItems(int failures, string? itemReaderData, string status)
    {
        await using var sfn = new SfnHarness();
        const string map = """
            {"Type":"Map","ToleratedFailurePercentage":50,
             "ItemProcessor":{"StartAt":"HandleItem","States":{"HandleItem":{"Type":"Pass","End":true}}},"End":true}
            """;

        var body = await sfn.OkAsync("TestState", new
        {
            definition = map,
            input = "[1,2,3,4]",
            mock = new { result = "[1,4,9,16]" },
            stateConfiguration = new { mapIterationFailureCount = failures, mapItemReaderData = itemReaderData },
        });

        Assert.Equal(status, body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task MapWithoutTolerance_IsNotFailedByTheCount()
    {
        await using var sfn = new SfnHarness();

        var body = await sfn.OkAsync("TestState", new
        {
            definition = """{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}""",
            input = "[1,2,3]",
            mock = new { result = "[0,0,1]" },
            stateConfiguration = new { mapIterationFailureCount = 2 },
        });

        Assert.Equal("SUCCEEDED", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ErrorCausedByState_InsideTheMap_ReportsTheMockedError()
    {
        await using var sfn = new SfnHarness();

        var body = await sfn.OkAsync("TestState", new
        {
            definition = ToleratingMap,
            input = """{"items":[1,2,3]}""",
            mock = new { errorOutput = new { error = "MockException", cause = "Mock the error cause." } },
            stateConfiguration = new { errorCausedByState = "HandleItem", mapIterationFailureCount = 0 },
        });

        Assert.Equal(("FAILED", "MockException", "Mock the error cause."),
            (body["status"]!.GetValue<string>(), body["error"]!.GetValue<string>(), body["cause"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"errorCausedByState":"Elsewhere"}""", "ValidationException", "'Elsewhere' is neither the tested state nor a state inside it")]
    [InlineData("""{"errorCausedByState":""}""", "ValidationException", "stateConfiguration.errorCausedByState")]
    [InlineData("""{"mapIterationFailureCount":-1}""", "ValidationException", "stateConfiguration.mapIterationFailureCount")]
    [InlineData("""{"mapItemReaderData":"[1,"}""", "ValidationException", "Invalid JSON in 'stateConfiguration.mapItemReaderData'")]
    public async Task BadStateConfiguration_IsRefused(string configuration, string code, string message)
    {
        await using var sfn = new SfnHarness();

        var (errorCode, text) = await sfn.ErrorAsync("TestState", new
        {
            definition = ToleratingMap,
            input = """{"items":[1]}""",
            mock = new { result = "[1]" },
            stateConfiguration = JsonNode.Parse(configuration),
        });

        Assert.Equal(code, errorCode);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonata_Pass_AssignAndOutput_AndCatchOutput()
    {
        await using var sfn = new SfnHarness();

        var pass = await sfn.OkAsync("TestState", new
        {
            definition = """{"Type":"Pass","QueryLanguage":"JSONata","Assign":{"total":"{% $states.input.a + $states.input.b %}"},"Output":{"sum":"{% $states.input.a + $states.input.b %}","was":"{% $prior %}"},"Next":"N"}""",
            input = """{"a":2,"b":3}""",
            variables = """{"prior":"x"}""",
            inspectionLevel = "DEBUG",
        });
        Assert.Equal("""{"sum":5,"was":"x"}""", pass["output"]!.GetValue<string>());
        Assert.Equal(5, JsonNode.Parse(pass["inspectionData"]!["variables"]!.GetValue<string>())!["total"]!.GetValue<int>());

        var caught = await sfn.OkAsync("TestState", new
        {
            definition = """
                {"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f","Payload":"{% $states.input %}"},
                 "Catch":[{"ErrorEquals":["JobFailed"],"Output":{"why":"{% $states.errorOutput.Cause %}"},"Assign":{"failed":true},"Next":"FailedState"}],"End":true}
                """,
            input = """{"job":"j"}""",
            inspectionLevel = "DEBUG",
            mock = new { errorOutput = new { error = "JobFailed", cause = "no" } },
        });
        Assert.Equal("CAUGHT_ERROR", caught["status"]!.GetValue<string>());
        Assert.Equal("FailedState", caught["nextState"]!.GetValue<string>());
        Assert.Equal("""{"why":"no"}""", caught["output"]!.GetValue<string>());
        Assert.True(JsonNode.Parse(caught["inspectionData"]!["variables"]!.GetValue<string>())!["failed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Jsonata_Task_MockedResult_IsValidated_ThenShapedByOutput()
    {
        await using var sfn = new SfnHarness();
        const string definition = """{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::dynamodb:getItem","Arguments":{"TableName":"t","Key":{"id":{"S":"{% $states.input.id %}"}}},"Output":"{% $states.result.Item.status.S %}","End":true}""";

        var ok = await sfn.OkAsync("TestState", new { definition, input = """{"id":"1"}""", mock = new { result = """{"Item":{"status":{"S":"DONE"}}}""" }, inspectionLevel = "DEBUG" });
        Assert.Equal("\"DONE\"", ok["output"]!.GetValue<string>());
        Assert.Equal("""{"TableName":"t","Key":{"id":{"S":"1"}}}""", ok["inspectionData"]!["afterArguments"]!.GetValue<string>());

        var (code, message) = await sfn.ErrorAsync("TestState", new { definition, input = """{"id":"1"}""", mock = new { result = """{"Item":{"status":{"S":1}}}""" } });
        Assert.Equal(("ValidationException", "Mock result schema validation error: Field 'S' must be a string"), (code, message));
    }

    [Fact]
    public void EmbeddedShapes_AreWhatTheScriptWritesFromTheApiModels()
    {
        var root = FindRepoRoot();
        var models = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "aws-api-models"));
        if (!Directory.Exists(models))
        {
            Assert.Skip($"The AWS API models are not at {models} (../shared/data/aws-api-models from the repository root).");
        }
        var output = Path.Combine(Path.GetTempPath(), $"mock-response-shapes-{Guid.NewGuid():N}.json");
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { Path.Combine(root, "scripts", "generate-mock-response-shapes.py"), models, output })
            {
                start.ArgumentList.Add(a);
            }
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);

            var embedded = File.ReadAllText(Path.Combine(root, "src", "LocalCloud.StepFunctions", "Testing", "Resources", "mock-response-shapes.json"));
            Assert.True(File.ReadAllText(output) == embedded,
                "src/LocalCloud.StepFunctions/Testing/Resources/mock-response-shapes.json is stale: run scripts/generate-mock-response-shapes.py ../shared/data/aws-api-models src/LocalCloud.StepFunctions/Testing/Resources/mock-response-shapes.json");
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallbackPoc.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (CallbackPoc.slnx) is not above the test's folder.");
    }
}
