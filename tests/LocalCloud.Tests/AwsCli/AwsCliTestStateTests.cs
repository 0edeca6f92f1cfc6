using System.Text.Json;

namespace LocalCloud.Tests.AwsCli;

/// <summary>
/// TestState with mocks through the real AWS CLI. The CLI sends TestState to the "sync-" host prefix, as the API model
/// says (operations.TestState.endpoint.hostPrefix), so against LocalCloud's one port it runs with
/// AWS_DISABLE_HOST_PREFIX_INJECTION=true, as StartSyncExecution does.
/// </summary>
public sealed class AwsCliTestStateTests : IAsyncLifetime
{
    private const string CreateJobTask = """
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"poc-create-job","Payload.$":"$"},
         "ResultSelector":{"job.$":"$.Payload"},
         "Catch":[{"ErrorEquals":["JobFailed"],"ResultPath":"$.error","Next":"FailedState"}],"Next":"Done"}
        """;

    private readonly AwsCliFixture _aws = new() { Variables = new Dictionary<string, string> { ["AWS_DISABLE_HOST_PREFIX_INJECTION"] = "true" } };

    public ValueTask InitializeAsync() => _aws.InitializeAsync();

    public ValueTask DisposeAsync() => _aws.DisposeAsync();

    [Fact]
    public async Task TestState_MockedResult_RunsTheStatesDataFlow()
    {
        var body = await _aws.OkAsync("stepfunctions", "test-state", "--definition", CreateJobTask, "--input", """{"jobName":"j1"}""",
            "--inspection-level", "DEBUG", "--mock", """{"result":"{\"StatusCode\":200,\"Payload\":\"{\\\"id\\\":7}\"}","fieldValidationMode":"STRICT"}""");

        Assert.Equal("SUCCEEDED", body.GetProperty("status").GetString());
        Assert.Equal("Done", body.GetProperty("nextState").GetString());
        Assert.Equal("""{"job":"{\"id\":7}"}""", body.GetProperty("output").GetString());
        Assert.Equal("""{"FunctionName":"poc-create-job","Payload":{"jobName":"j1"}}""", body.GetProperty("inspectionData").GetProperty("afterParameters").GetString());
    }

    [Fact]
    public async Task TestState_MockedError_IsCaught()
    {
        var body = await _aws.OkAsync("stepfunctions", "test-state", "--definition", CreateJobTask, "--input", "{}",
            "--mock", """{"errorOutput":{"error":"JobFailed","cause":"the api said no"}}""");

        Assert.Equal("CAUGHT_ERROR", body.GetProperty("status").GetString());
        Assert.Equal("FailedState", body.GetProperty("nextState").GetString());
        Assert.Equal("JobFailed", JsonDocument.Parse(body.GetProperty("output").GetString()!).RootElement.GetProperty("error").GetProperty("Error").GetString());
    }

    [Fact]
    public async Task TestState_MockNotMatchingTheApiModel_IsAValidationException()
    {
        var (exit, _, error) = await _aws.RunAsync("stepfunctions", "test-state", "--definition", CreateJobTask, "--input", "{}",
            "--mock", """{"result":"{\"StatusCode\":\"200\"}"}""");

        Assert.NotEqual(0, exit);
        Assert.Contains("ValidationException", error, StringComparison.Ordinal);
        Assert.Contains("Mock result schema validation error: Field 'StatusCode' must be a number", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestState_MapIterationFailureCount_PastTheThreshold()
    {
        var body = await _aws.OkAsync("stepfunctions", "test-state", "--input", "[1,2,3]",
            "--definition", """{"Type":"Map","ToleratedFailureCount":1,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}""",
            "--mock", """{"result":"[1,2,3]"}""", "--state-configuration", """{"mapIterationFailureCount":2}""");

        Assert.Equal("FAILED", body.GetProperty("status").GetString());
        Assert.Equal("States.ExceedToleratedFailureThreshold", body.GetProperty("error").GetString());
    }
}
