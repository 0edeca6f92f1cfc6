using LocalCloud.Testing;
using System.Diagnostics;
using System.Text;
using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

/// <summary>A worker process that dies under an invocation: the caller gets AWS's answer at once, later calls a new worker.</summary>
public sealed class WorkerFaultTests(LambdaFixture fixture)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Invoke_WorkerKilledMidInvocation_AnswersRuntimeExitErrorAtOnceAndNextInvokeRunsOnANewWorker()
    {
        var api = fixture.Api;
        var name = LambdaFixture.UniqueName("killed");
        // A 900 s Timeout: an answer within the guard proves the exit was noticed, not the timeout.
        await api.CreateFunctionAsync(name, "ReportPidThenObey", fixture.Zip, timeout: 900);
        using var probe = new WorkerProbe();

        var invoke = api.InvokeAsync(name, probe.Payload, logType: "Tail");
        var killedPid = await probe.NextAsync("hang", TestContext.Current.CancellationToken);
        using (var worker = Process.GetProcessById(killedPid))
        {
            worker.Kill();
        }
        var failed = await invoke.WaitAsync(Guard, TestContext.Current.CancellationToken);
        var next = api.InvokeAsync(name, probe.Payload);
        var nextPid = await probe.NextAsync("return", TestContext.Current.CancellationToken);
        var succeeded = await next.WaitAsync(Guard, TestContext.Current.CancellationToken);

        Assert.Equal(200, failed.Status);
        Assert.Equal("Unhandled", failed.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(failed);
        Assert.Equal("Runtime.ExitError", error.GetProperty("errorType").GetString());
        Assert.Matches("^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: signal: killed$", error.GetProperty("errorMessage").GetString());
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(failed.Headers["X-Amz-Log-Result"]));
        Assert.Contains("\tStatus: error\tError Type: Runtime.ExitError\t", log, StringComparison.Ordinal);
        Assert.Matches("\nRequestId: [0-9a-f-]{36} Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n$", log);

        Assert.Equal(200, succeeded.Status);
        Assert.False(succeeded.Headers.ContainsKey("X-Amz-Function-Error"), succeeded.BodyText);
        var answer = LambdaApi.Json(succeeded);
        Assert.Equal("return", answer.GetProperty("order").GetString());
        Assert.Equal(nextPid, answer.GetProperty("pid").GetInt32());
        Assert.NotEqual(killedPid, nextPid);
    }
}
