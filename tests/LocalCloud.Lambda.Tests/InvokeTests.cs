using System.Text;
using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.Core.Ports;
using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

/// <summary>Invocations that run the published test function in real worker processes.</summary>
public sealed class InvokeTests(LambdaFixture fixture)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly LambdaApi _api = fixture.Api;

    [Fact]
    public async Task Invoke_RequestResponse_ReturnsPayloadAndExecutedVersion()
    {
        var name = LambdaFixture.UniqueName("echo");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var response = await _api.InvokeAsync(name, """{"hello":"world"}""");

        Assert.Equal(200, response.Status);
        Assert.Equal("""{"hello":"world"}""", response.BodyText);
        Assert.Equal("$LATEST", response.Headers["X-Amz-Executed-Version"]);
        Assert.False(response.Headers.ContainsKey("X-Amz-Function-Error"));
        Assert.Equal(1, fixture.Host.Usage.Get("lambda", "Requests", name));
        Assert.True(fixture.Host.Usage.Get("lambda", "GBSeconds", name) > 0);
    }

    [Fact]
    public async Task Invoke_SecondCall_ReusesTheWarmWorker()
    {
        var name = LambdaFixture.UniqueName("warm");
        await _api.CreateFunctionAsync(name, "WhoAmI", fixture.Zip);

        var first = LambdaApi.Json(await _api.InvokeAsync(name, "{}"));
        var second = LambdaApi.Json(await _api.InvokeAsync(name, "{}"));

        Assert.Equal(first.GetProperty("pid").GetInt32(), second.GetProperty("pid").GetInt32());
        Assert.Equal(first.GetProperty("instance").GetString(), second.GetProperty("instance").GetString());
        Assert.Equal(2, second.GetProperty("count").GetInt32());
        var records = fixture.Host.Service.RecentInvocations().Where(r => r.FunctionName == name).ToList();
        Assert.Equal(2, records.Count);
        Assert.Single(records, r => r.ColdStart);
        Assert.Equal(records[0].WorkerId, records[1].WorkerId);
    }

    [Fact]
    public async Task Invoke_AfterUpdateFunctionConfiguration_StartsAFreshWorkerWithNewSettings()
    {
        var name = LambdaFixture.UniqueName("retire");
        await _api.CreateFunctionAsync(name, "Env", fixture.Zip, variables: new() { ["STAGE"] = "one" });
        var before = LambdaApi.Json(await _api.InvokeAsync(name, "{}"));

        var update = await _api.SendAsync("PUT", $"/2015-03-31/functions/{name}/configuration", new { Environment = new { Variables = new Dictionary<string, string> { ["STAGE"] = "two" } } });
        var after = LambdaApi.Json(await _api.InvokeAsync(name, "{}"));

        Assert.Equal(200, update.Status);
        Assert.Equal("one", before.GetProperty("STAGE").GetString());
        Assert.Equal("two", after.GetProperty("STAGE").GetString());
    }

    [Fact]
    public async Task Invoke_Event_Returns202AndRunsInTheBackground()
    {
        var name = LambdaFixture.UniqueName("event");
        await _api.CreateFunctionAsync(name, "Signal", fixture.Zip);
        var key = "\"" + Guid.NewGuid().ToString("N") + "\"";
        var signalled = fixture.Host.SignalAsync(key);

        var response = await _api.InvokeAsync(name, key, invocationType: "Event");

        Assert.Equal(202, response.Status);
        Assert.True(response.Body.IsEmpty);
        Assert.Equal(key, await signalled.WaitAsync(Guard, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Invoke_DryRun_Returns204WithoutRunning()
    {
        var name = LambdaFixture.UniqueName("dry");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var response = await _api.InvokeAsync(name, "{}", invocationType: "DryRun");

        Assert.Equal(204, response.Status);
        Assert.DoesNotContain(fixture.Host.Service.RecentInvocations(), r => r.FunctionName == name);
    }

    [Fact]
    public async Task Invoke_FunctionThrows_Returns200WithUnhandledErrorDocument()
    {
        var name = LambdaFixture.UniqueName("throw");
        await _api.CreateFunctionAsync(name, "Throw", fixture.Zip);

        var response = await _api.InvokeAsync(name, "\"input\"");

        Assert.Equal(200, response.Status);
        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal("InvalidOperationException", error.GetProperty("errorType").GetString());
        Assert.Equal("boom: \"input\"", error.GetProperty("errorMessage").GetString());
        Assert.Contains(error.GetProperty("stackTrace").EnumerateArray(), line => line.GetString()!.Contains("TestFunction.Functions.Throw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_ExceedsTimeout_KillsWorkerAndReturnsSandboxTimedout()
    {
        var name = LambdaFixture.UniqueName("timeout");
        await _api.CreateFunctionAsync(name, "Hang", fixture.Zip, timeout: 1);

        var response = await _api.InvokeAsync(name, "{}", logType: "Tail");

        Assert.Equal(200, response.Status);
        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal("Sandbox.Timedout", error.GetProperty("errorType").GetString());
        Assert.Matches(@"^RequestId: [0-9a-f-]+ Error: Task timed out after 1\.00 seconds$", error.GetProperty("errorMessage").GetString());
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers["X-Amz-Log-Result"]));
        Assert.Matches(@"\d{4}-\d{2}-\d{2}T[\d:.]+Z [0-9a-f-]+ Task timed out after 1\.00 seconds", log);
        Assert.Matches(@"REPORT RequestId: [0-9a-f-]+\t.*\tStatus: timeout\t", log);
        var record = Assert.Single(fixture.Host.Service.RecentInvocations(), r => r.FunctionName == name);
        Assert.Equal("Sandbox.Timedout", record.ErrorType);
        Assert.True(record.Duration >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Invoke_AfterTimeout_RunsOnANewWorker()
    {
        var name = LambdaFixture.UniqueName("aftertimeout");
        await _api.CreateFunctionAsync(name, "Hang", fixture.Zip, timeout: 1);
        await _api.InvokeAsync(name, "{}");

        await _api.InvokeAsync(name, "{}");

        var records = fixture.Host.Service.RecentInvocations().Where(r => r.FunctionName == name).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.True(r.ColdStart));
        Assert.NotEqual(records[0].WorkerId, records[1].WorkerId);
    }

    [Fact]
    public async Task Invoke_HandlerHonoursDeadlineToken_AnswersBeforeTimeout()
    {
        var name = LambdaFixture.UniqueName("deadline");
        await _api.CreateFunctionAsync(name, "WaitForDeadline", fixture.Zip, timeout: 2);

        var response = await _api.InvokeAsync(name, "{}");

        Assert.Equal(200, response.Status);
        Assert.Equal("\"cancelled before the deadline\"", response.BodyText);
    }

    [Fact]
    public async Task Invoke_ProcessExits_ReturnsRuntimeExitError()
    {
        var name = LambdaFixture.UniqueName("exit");
        await _api.CreateFunctionAsync(name, "Exit", fixture.Zip);

        var response = await _api.InvokeAsync(name, "{}", logType: "Tail");

        Assert.Equal(200, response.Status);
        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal("Runtime.ExitError", error.GetProperty("errorType").GetString());
        Assert.Matches(@"^RequestId: [0-9a-f-]+ Error: Runtime exited with error: exit status 3$", error.GetProperty("errorMessage").GetString());
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers["X-Amz-Log-Result"]));
        Assert.Contains("\tStatus: error\tError Type: Runtime.ExitError\t", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ConstructorThrows_ReturnsInitError()
    {
        var name = LambdaFixture.UniqueName("ctor");
        await _api.CreateFunctionAsync(name, "Handle", fixture.Zip, handler: "TestFunction::TestFunction.BrokenConstructor::Handle");

        var response = await _api.InvokeAsync(name, "{}", logType: "Tail");

        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal("LambdaException", error.GetProperty("errorType").GetString());
        Assert.Equal("An exception was thrown when the constructor for type 'TestFunction.BrokenConstructor' was invoked. Check inner exception for more details.", error.GetProperty("errorMessage").GetString());
        var wrapper = error.GetProperty("cause");
        Assert.Equal("TargetInvocationException", wrapper.GetProperty("errorType").GetString());
        Assert.Equal("InvalidOperationException", wrapper.GetProperty("cause").GetProperty("errorType").GetString());
        Assert.Equal("constructor failed", wrapper.GetProperty("cause").GetProperty("errorMessage").GetString());
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers["X-Amz-Log-Result"]));
        Assert.Contains("\tStatus: error\tError Type: LambdaException\t", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnknownHandlerMethod_ReturnsValidationInitError()
    {
        var name = LambdaFixture.UniqueName("nomethod");
        await _api.CreateFunctionAsync(name, "Missing", fixture.Zip);

        var response = await _api.InvokeAsync(name, "{}");

        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal("LambdaValidationException", error.GetProperty("errorType").GetString());
        Assert.Contains("Unable to find method 'Missing'", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Environment_HasLambdaVariablesAndNoParentAwsSecrets()
    {
        var name = LambdaFixture.UniqueName("env");
        await _api.CreateFunctionAsync(name, "Env", fixture.Zip, variables: new() { ["TABLE_NAME"] = "poc-task-tokens" });

        var env = LambdaApi.Json(await _api.InvokeAsync(name, "{}"));

        string Var(string key) => env.GetProperty(key).GetString()!;
        Assert.Equal("poc-task-tokens", Var("TABLE_NAME"));
        Assert.Equal(name, Var("AWS_LAMBDA_FUNCTION_NAME"));
        Assert.Equal("$LATEST", Var("AWS_LAMBDA_FUNCTION_VERSION"));
        Assert.Equal("128", Var("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        Assert.Equal("/aws/lambda/" + name, Var("AWS_LAMBDA_LOG_GROUP_NAME"));
        Assert.Contains("[$LATEST]", Var("AWS_LAMBDA_LOG_STREAM_NAME"), StringComparison.Ordinal);
        Assert.Equal("us-east-1", Var("AWS_REGION"));
        Assert.Equal("us-east-1", Var("AWS_DEFAULT_REGION"));
        Assert.Equal("000000000000", Var("AWS_ACCESS_KEY_ID"));
        Assert.False(string.IsNullOrEmpty(Var("AWS_SECRET_ACCESS_KEY")));
        Assert.False(string.IsNullOrEmpty(Var("AWS_SESSION_TOKEN")));
        Assert.Equal(fixture.Host.BaseUrl.ToString().TrimEnd('/'), Var("AWS_ENDPOINT_URL"));
        Assert.Equal(":UTC", Var("TZ"));
        Assert.Equal(LambdaApi.Handler("Env"), Var("_HANDLER"));
        Assert.Equal(Var("LAMBDA_TASK_ROOT"), Var("CWD"));
        Assert.Matches(@"^127\.0\.0\.1:\d+/_localcloud/lambda-runtime/[0-9a-f]{32}$", Var("AWS_LAMBDA_RUNTIME_API"));
        Assert.True(File.Exists(Path.Combine(Var("LAMBDA_TASK_ROOT"), "TestFunction.dll")));
    }

    [Fact]
    public async Task Invoke_LogTypeTail_ReturnsBase64LogWithOutputAndReport()
    {
        var name = LambdaFixture.UniqueName("logs");
        await _api.CreateFunctionAsync(name, "PrintLogs", fixture.Zip);

        var response = await _api.InvokeAsync(name, "{}", logType: "Tail");

        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers["X-Amz-Log-Result"]));
        Assert.Contains("log-line-from-stdout\n", log, StringComparison.Ordinal);
        Assert.Contains("log-line-from-stderr\n", log, StringComparison.Ordinal);
        Assert.Matches(@"START RequestId: [0-9a-f-]+ Version: \$LATEST", log);
        Assert.Matches(@"END RequestId: [0-9a-f-]+", log);
        Assert.Matches(@"REPORT RequestId: [0-9a-f-]+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB", log);
        Assert.Matches(@"\tMax Memory Used: [1-9]\d* MB\tInit Duration: [\d.]+ ms\t", log);
        Assert.DoesNotContain("Status:", log, StringComparison.Ordinal);
        Assert.DoesNotContain("LOCALCLOUD_END", log, StringComparison.Ordinal);
        Assert.True(log.IndexOf("START", StringComparison.Ordinal) < log.IndexOf("log-line-from-stdout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_WithoutTail_HasNoLogResult()
    {
        var name = LambdaFixture.UniqueName("nolog");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var response = await _api.InvokeAsync(name, "{}");

        Assert.False(response.Headers.ContainsKey("X-Amz-Log-Result"));
    }

    [Fact]
    public async Task Invoke_UnknownFunction_ReturnsResourceNotFound()
    {
        var response = await _api.InvokeAsync("no-such-function", "{}");

        ControlPlaneTests.AssertError(response, 404, "ResourceNotFoundException", "function:no-such-function");
    }

    [Fact]
    public async Task Invoke_PayloadNotJson_ReturnsInvalidRequestContent()
    {
        var name = LambdaFixture.UniqueName("badjson");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var response = await _api.InvokeAsync(name, "{not json");

        ControlPlaneTests.AssertError(response, 400, "InvalidRequestContentException", "Could not parse payload into json");
    }

    [Fact]
    public async Task Invoke_PayloadOverSixMegabytes_ReturnsRequestTooLarge()
    {
        var name = LambdaFixture.UniqueName("big");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var response = await _api.InvokeAsync(name, "\"" + new string('x', 6_291_456) + "\"");

        ControlPlaneTests.AssertError(response, 413, "RequestTooLargeException", "Request must be smaller than 6291456 bytes");
    }

    [Fact]
    public async Task Invoke_BadInvocationType_ReturnsValidationException()
    {
        var response = await _api.InvokeAsync("anything", "{}", invocationType: "Later");

        ControlPlaneTests.AssertError(response, 400, "ValidationException", "invocationType");
    }

    [Fact]
    public async Task LambdaInvoker_ByArn_ReturnsResultWithoutHttp()
    {
        var name = LambdaFixture.UniqueName("port");
        var config = await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var result = await InvokeThroughPort(new LambdaInvokeRequest(config.GetProperty("FunctionArn").GetString()!, """{"taskToken":"abc"}"""u8.ToArray()));

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.FunctionError);
        Assert.Equal("$LATEST", result.ExecutedVersion);
        Assert.Equal("""{"taskToken":"abc"}""", Encoding.UTF8.GetString(result.Payload.Span));
    }

    [Fact]
    public async Task LambdaInvoker_FunctionError_ReportsUnhandled()
    {
        var name = LambdaFixture.UniqueName("porterr");
        await _api.CreateFunctionAsync(name, "Throw", fixture.Zip);

        var result = await InvokeThroughPort(new LambdaInvokeRequest(name, "{}"u8.ToArray()));

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("InvalidOperationException", JsonDocument.Parse(result.Payload).RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task LambdaInvoker_UnknownFunction_ThrowsResourceNotFound()
    {

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => InvokeThroughPort(new LambdaInvokeRequest("missing-fn", "{}"u8.ToArray())));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal(404, error.StatusCode);
    }

    /// <summary>Step Functions and Scheduler see the service only through this port.</summary>
    private Task<LambdaInvokeResult> InvokeThroughPort(LambdaInvokeRequest request)
        => fixture.Invoker.InvokeAsync(request, RequestContext.Default(), TestContext.Current.CancellationToken);
}
