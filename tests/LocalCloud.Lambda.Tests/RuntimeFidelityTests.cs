using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Ports;
using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

/// <summary>
/// The same probe written in .NET, Node.js (CommonJS, ES module, callback) and Python, each as it would be for AWS,
/// behaves alike through Invoke: payloads, context, environment, errors, timeouts, crashes, logs, Event and DryRun,
/// warm reuse and throttling. Each language keeps its own error document shape, as AWS's runtimes do.
/// </summary>
public sealed class RuntimeFidelityTests(LambdaFixture fixture)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly LambdaApi _api = fixture.Api;

    public static TheoryData<string> AllProbes => [.. Probes.Keys];

    [Theory]
    [MemberData(nameof(AllProbes))]
    public async Task Echo_ReturnsTheSameAnswerInEveryLanguage(string probe)
    {
        var name = await CreateAsync(probe, memorySize: 256, variables: new() { ["PROBE_VAR"] = "from-env" });

        var response = await _api.InvokeAsync(name, """{"action":"echo","value":{"n":1,"s":"x","list":[true,null]}}""");

        Assert.True(response.Status == 200 && !response.Headers.ContainsKey("X-Amz-Function-Error"), response.BodyText);
        var expected = JsonNode.Parse($$"""
            {"action":"echo","value":{"n":1,"s":"x","list":[true,null]},"functionName":"{{name}}","functionVersion":"$LATEST",
             "memoryLimitInMB":"256","hasRequestId":true,"remainingPositive":true,"variable":"from-env"}
            """);
        var actual = JsonNode.Parse(response.BodyText);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{probe} answered {response.BodyText}");
    }

    [Theory]
    [InlineData("dotnet", "InvalidOperationException", "stackTrace")]
    [InlineData("node-cjs", "Error", "trace")]
    [InlineData("node-esm", "Error", "trace")]
    [InlineData("node-callback", "Error", "trace")]
    [InlineData("python", "Exception", "stackTrace")]
    public async Task Throw_AnswersUnhandledWithTheLanguagesErrorDocument(string probe, string errorType, string traceMember)
    {
        var name = await CreateAsync(probe);

        var response = await _api.InvokeAsync(name, """{"action":"throw","value":"boom"}""");

        Assert.Equal(200, response.Status);
        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal(errorType, error.GetProperty("errorType").GetString());
        Assert.Equal("probe failure: boom", error.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, error.GetProperty(traceMember).ValueKind);
        Assert.NotEqual(0, error.GetProperty(traceMember).GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public async Task Hang_TimesOutWithSandboxTimedout(string probe)
    {
        var name = await CreateAsync(probe, timeout: 1);

        var response = await _api.InvokeAsync(name, """{"action":"hang"}""", logType: "Tail");

        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal("Sandbox.Timedout", error.GetProperty("errorType").GetString());
        Assert.Matches(@"^RequestId: [0-9a-f-]+ Error: Task timed out after 1\.00 seconds$", error.GetProperty("errorMessage").GetString());
        Assert.Contains("Status: timeout", Tail(response), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public async Task Exit_AnswersRuntimeExitErrorAndTheNextCallGetsAFreshWorker(string probe)
    {
        var name = await CreateAsync(probe);

        var crashed = await _api.InvokeAsync(name, """{"action":"exit"}""");
        var after = await _api.InvokeAsync(name, """{"action":"echo","value":1}""");

        var error = LambdaApi.Json(crashed);
        Assert.Equal("Runtime.ExitError", error.GetProperty("errorType").GetString());
        Assert.Matches("^RequestId: [0-9a-f-]+ Error: Runtime exited with error: exit status 3$", error.GetProperty("errorMessage").GetString());
        Assert.False(after.Headers.ContainsKey("X-Amz-Function-Error"), after.BodyText);
        var workers = fixture.Host.Service.RecentInvocations().Where(r => r.FunctionName == name).Select(r => r.WorkerId).Distinct();
        Assert.Equal(2, workers.Count());
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public async Task Log_TailHoldsTheFunctionsLinesBetweenStartAndReport(string probe)
    {
        var name = await CreateAsync(probe);

        var response = await _api.InvokeAsync(name, """{"action":"log"}""", logType: "Tail");

        Assert.Equal("\"logged\"", response.BodyText);
        var log = Tail(response);
        var start = log.IndexOf("START RequestId: ", StringComparison.Ordinal);
        var stdout = log.IndexOf("probe-stdout", StringComparison.Ordinal);
        var stderr = log.IndexOf("probe-stderr", StringComparison.Ordinal);
        var end = log.IndexOf("END RequestId: ", StringComparison.Ordinal);
        var report = log.IndexOf("REPORT RequestId: ", StringComparison.Ordinal);
        Assert.True(start >= 0 && start < stdout && stdout < stderr && stderr < end && end < report, log);
    }

    [Theory]
    [InlineData("dotnet", @"Z\t[0-9a-f-]{36}\tinfo\tprobe-stdout")]
    [InlineData("node-cjs", @"Z\t[0-9a-f-]{36}\tINFO\tprobe-stdout")]
    [InlineData("node-esm", @"Z\t[0-9a-f-]{36}\tERROR\tprobe-stderr")]
    [InlineData("python", @"(?m)^probe-stdout$")]
    public async Task Log_LinesHaveTheLanguagesFormat(string probe, string pattern)
    {
        var name = await CreateAsync(probe);

        var response = await _api.InvokeAsync(name, """{"action":"log"}""", logType: "Tail");

        Assert.Matches(pattern, Tail(response));
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public async Task Event_RunsInTheBackground_AndDryRunRunsNothing(string probe)
    {
        var name = await CreateAsync(probe);
        var key = Guid.NewGuid().ToString("N");
        var signalled = fixture.Host.SignalAsync("\"" + key + "\"");

        var accepted = await _api.InvokeAsync(name, $$"""{"action":"signal","value":"{{key}}"}""", invocationType: "Event");
        var dry = await _api.InvokeAsync(name, """{"action":"exit"}""", invocationType: "DryRun");

        Assert.Equal(202, accepted.Status);
        Assert.Equal(204, dry.Status);
        Assert.Equal("\"" + key + "\"", await signalled.WaitAsync(Guard, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public async Task SecondCall_ReusesTheWarmWorker(string probe)
    {
        var name = await CreateAsync(probe);

        await _api.InvokeAsync(name, """{"action":"echo","value":1}""");
        await _api.InvokeAsync(name, """{"action":"echo","value":2}""");

        var records = fixture.Host.Service.RecentInvocations().Where(r => r.FunctionName == name).ToList();
        Assert.Equal(2, records.Count);
        Assert.Single(records, r => r.ColdStart);
        Assert.Single(records.Select(r => r.WorkerId).Distinct());
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public async Task ReservedConcurrencyZero_ThrottlesEveryLanguageAlike(string probe)
    {
        var name = await CreateAsync(probe);
        var reserve = await _api.SendAsync("PUT", $"/2017-10-31/functions/{name}/concurrency", new { ReservedConcurrentExecutions = 0 });

        var response = await _api.InvokeAsync(name, """{"action":"echo"}""");

        Assert.Equal(200, reserve.Status);
        Assert.Equal(429, response.Status);
        Assert.Equal("TooManyRequestsException", response.Headers["x-amzn-ErrorType"]);
    }

    /// <summary>What Step Functions' lambda:invoke sees (ILambdaInvoker): the crash's errorType, which a Retry matches.</summary>
    [Theory]
    [MemberData(nameof(AllProbes))]
    public async Task InProcessInvoker_ReportsTheCrashAsStepFunctionsMatchesIt(string probe)
    {
        var name = await CreateAsync(probe);

        var result = await fixture.Invoker.InvokeAsync(new LambdaInvokeRequest(name, """{"action":"exit"}"""u8.ToArray()), RequestContext.Default(), TestContext.Current.CancellationToken);

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Runtime.ExitError", JsonDocument.Parse(result.Payload).RootElement.GetProperty("errorType").GetString());
    }

    private async Task<string> CreateAsync(string probe, int? timeout = null, int? memorySize = null, Dictionary<string, string>? variables = null)
    {
        var (runtime, handler, zip) = Probes.Get(probe, fixture);
        var name = LambdaFixture.UniqueName(probe);
        await _api.CreateFunctionAsync(name, "", zip, timeout: timeout, variables: variables, runtime: runtime, handler: handler, memorySize: memorySize);
        return name;
    }

    private static string Tail(ServiceResponse response) => Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers["X-Amz-Log-Result"]));
}
