using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>
/// The project's own workflows unit-tested with TestState (#13): the callback task's Catch routes and the baseline's
/// status Choice, read from infra/statemachines, in both query-language flavours where the state has them.
/// </summary>
public sealed class TestStateWorkflowTests
{
    private static string Machine(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "infra", "statemachines", file);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }
        throw new FileNotFoundException(file);
    }

    [Theory]
    [InlineData("States.Timeout", "TimeoutState")]
    [InlineData("PollingTimeout", "TimeoutState")]
    // The engine's ErrorMatcher has "States.Timeout" match a missed heartbeat too, as AWS documents States.Timeout.
    [InlineData("States.HeartbeatTimeout", "TimeoutState")]
    [InlineData("JobFailed", "FailedState")]
    [InlineData("MaxAttemptsExceeded", "FailedState")]
    public async Task CallbackTask_CatchRoutesEachError(string error, string next)
    {
        await using var sfn = new SfnHarness();
        var body = await sfn.OkAsync("TestState", new
        {
            definition = Machine("callback.asl.json"),
            stateName = "StartJobAndWaitForCallback",
            input = """{"jobId":"j1"}""",
            mock = new { errorOutput = new { error, cause = "c" } },
        });
        Assert.Equal("CAUGHT_ERROR", body["status"]!.GetValue<string>());
        Assert.Equal(next, body["nextState"]!.GetValue<string>());
        var output = JsonNode.Parse(body["output"]!.GetValue<string>())!;
        Assert.Equal("j1", output["jobId"]!.GetValue<string>());
        Assert.Equal(error, output["error"]!["Error"]!.GetValue<string>());
        Assert.Equal("c", output["error"]!["Cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task CallbackTask_LambdaThrottling_IsRetriable()
    {
        await using var sfn = new SfnHarness();
        var body = await sfn.OkAsync("TestState", new
        {
            definition = Machine("callback.asl.json"),
            stateName = "StartJobAndWaitForCallback",
            mock = new { errorOutput = new { error = "Lambda.TooManyRequestsException" } },
        });
        Assert.Equal("RETRIABLE", body["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"status":"COMPLETED","checks":1,"elapsedSeconds":1}""", "BuildJobOutput")]
    [InlineData("""{"status":"FAILED","checks":1,"elapsedSeconds":1}""", "JobFailedError")]
    [InlineData("""{"status":"RUNNING","checks":5,"elapsedSeconds":1}""", "MaxAttemptsError")]
    [InlineData("""{"status":"RUNNING","checks":1,"elapsedSeconds":99}""", "PollingTimeoutError")]
    [InlineData("""{"status":"RUNNING","checks":1,"elapsedSeconds":1}""", "WaitForJob")]
    public async Task BaselineChoice_RoutesEveryStatus(string report, string next)
    {
        await using var sfn = new SfnHarness();
        var input = "{\"maxAttempts\":5,\"pollingTimeoutSeconds\":60,\"check\":{\"report\":" + report + "}}";
        var body = await sfn.OkAsync("TestState", new { definition = Machine("polling-baseline.asl.json"), stateName = "JobStatusChoice", input });
        Assert.Equal("SUCCEEDED", body["status"]!.GetValue<string>());
        Assert.Equal(next, body["nextState"]!.GetValue<string>());
    }
}
