using System.Text;
using Aws.Clients;
using Aws.Clients.Lambda;
using Aws.Clients.StepFunctions;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Poller;
using JobOrchestration.Functions.Tests.Fakes;
using static JobOrchestration.Functions.Tests.Fakes.ScriptedHttpHandler;

namespace JobOrchestration.Functions.Tests;

public class AwsAdapterTests
{
    private static AwsClientConfig Config(HttpMessageHandler handler) => new()
    {
        Region = "us-east-1",
        Credentials = new AwsCredentials("test", "test"),
        ServiceUrl = "http://localhost:4566",
        MaxRetries = 0,
        HttpMessageHandler = handler,
    };

    [Fact]
    public async Task SendSuccessAsync_Accepted_SendsTokenAndOutputAndReportsDelivered()
    {
        var handler = new ScriptedHttpHandler(_ => Reply.Ok());
        var callbacks = new StepFunctionsTaskCallbacks(new StepFunctionsClient(Config(handler)));

        var result = await callbacks.SendSuccessAsync("tok", """{"jobId":"j"}""", TestContext.Current.CancellationToken);

        Assert.Equal(CallbackResult.Delivered, result);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("AWSStepFunctions.SendTaskSuccess", sent.Target);
        Assert.Equal("tok", sent.Json["taskToken"]!.GetValue<string>());
        Assert.Equal("""{"jobId":"j"}""", sent.Json["output"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("TaskTimedOut")]
    [InlineData("TaskDoesNotExist")]
    public async Task SendFailureAsync_TaskAlreadyClosed_ReportsTaskClosed(string errorCode)
    {
        var handler = new ScriptedHttpHandler(_ => Reply.AwsError(errorCode));
        var callbacks = new StepFunctionsTaskCallbacks(new StepFunctionsClient(Config(handler)));

        var result = await callbacks.SendFailureAsync("tok", "JobFailed", "why", TestContext.Current.CancellationToken);

        Assert.Equal(CallbackResult.TaskClosed, result);
        var sent = Assert.Single(handler.Requests).Json;
        Assert.Equal(("JobFailed", "why"), (sent["error"]!.GetValue<string>(), sent["cause"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendSuccessAsync_OtherError_Throws()
    {
        var handler = new ScriptedHttpHandler(_ => Reply.AwsError("InvalidToken"));
        var callbacks = new StepFunctionsTaskCallbacks(new StepFunctionsClient(Config(handler)));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => callbacks.SendSuccessAsync("tok", "{}", TestContext.Current.CancellationToken));

        Assert.Equal("InvalidToken", error.ErrorCode);
    }

    [Fact]
    public async Task InvokeAsync_FunctionSucceeds_ReturnsItsPayload()
    {
        var handler = new ScriptedHttpHandler(_ => new Reply(200, """{"jobId":"job-1"}""", "application/json"));
        var invoker = new LambdaFunctionInvoker(new LambdaClient(Config(handler)));

        var payload = await invoker.InvokeAsync("poc-simulated-api", Encoding.UTF8.GetBytes("""{"action":"CHECK_STATUS"}"""), TestContext.Current.CancellationToken);

        Assert.Equal("""{"jobId":"job-1"}""", Encoding.UTF8.GetString(payload));
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("/2015-03-31/functions/poc-simulated-api/invocations", sent.Path);
        Assert.Equal("""{"action":"CHECK_STATUS"}""", sent.Body);
    }

    [Fact]
    public async Task InvokeAsync_FunctionThrew_ThrowsJobApiFailedWithTheFunctionsError()
    {
        var handler = new ScriptedHttpHandler(_ => new Reply(
            200,
            """{"errorType":"UnknownJob","errorMessage":"Job 'x' does not exist."}""",
            "application/json",
            new() { ["X-Amz-Function-Error"] = "Unhandled" }));
        var invoker = new LambdaFunctionInvoker(new LambdaClient(Config(handler)));

        var error = await Assert.ThrowsAsync<JobApiFailed>(() => invoker.InvokeAsync("poc-simulated-api", [], TestContext.Current.CancellationToken));

        Assert.Contains("UnknownJob", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unhandled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_LambdaApiError_ThrowsJobApiFailedWithTheErrorCode()
    {
        var handler = new ScriptedHttpHandler(_ => new Reply(
            404,
            """{"Type":"User","message":"Function not found"}""",
            "application/json",
            new() { ["X-Amzn-ErrorType"] = "ResourceNotFoundException" }));
        var invoker = new LambdaFunctionInvoker(new LambdaClient(Config(handler)));

        var error = await Assert.ThrowsAsync<JobApiFailed>(() => invoker.InvokeAsync("missing", [], TestContext.Current.CancellationToken));

        Assert.Contains("ResourceNotFoundException", error.Message, StringComparison.Ordinal);
    }
}
