using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CrashRecovery.Tests;

/// <summary>
/// #14's persistence for redrive and Map Runs, with a real SIGKILL: a failed execution is redriven after the restart, a
/// redriven one that was running comes back RUNNING with its count, and a finished Map Run is still described.
/// </summary>
public sealed class RedriveAndMapRunKillTests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::000000000000:role/r";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "localcloud-runs-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = LocalCloudProcess.FreePort();
    private LocalCloudProcess? _cloud;

    [Fact]
    public async Task KillNine_RedriveStateAndMapRuns_Survive()
    {
        var ct = TestContext.Current.CancellationToken;
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);
        // Check fails on the first attempt and succeeds once redriven: it reads $$.Execution.RedriveCount.
        var failing = await CreateAsync("runs-failing", """
            {"StartAt":"Ready","States":{"Ready":{"Type":"Pass","Next":"Check"},
              "Check":{"Type":"Pass","Parameters":{"v.$":"States.ArrayGetItem(States.Array('ok'), States.MathAdd($$.Execution.RedriveCount, -1))"},"End":true}}}
            """, ct);
        var waiting = await CreateAsync("runs-waiting", """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""", ct);
        var distributed = await CreateAsync("runs-distributed", """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
              "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, ct);
        var failed = await StartAsync(failing, "{}", ct);
        var redrivenRunning = await StartAsync(waiting, "{}", ct);
        var mapped = await StartAsync(distributed, "[1,2,3]", ct);
        Assert.Equal("FAILED", await StatusWhenDoneAsync(failed, ct));
        Assert.Equal("SUCCEEDED", await StatusWhenDoneAsync(mapped, ct));
        await CallAsync("StopExecution", new { executionArn = redrivenRunning }, ct);
        Assert.Equal("ABORTED", await StatusWhenDoneAsync(redrivenRunning, ct));
        await CallAsync("RedriveExecution", new { executionArn = redrivenRunning }, ct);
        var mapRunArn = (await CallAsync("ListMapRuns", new { executionArn = mapped }, ct)).GetProperty("mapRuns")[0].GetProperty("mapRunArn").GetString()!;

        await _cloud.KillAsync(ct);
        await _cloud.DisposeAsync();
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);

        var stillRunning = await CallAsync("DescribeExecution", new { executionArn = redrivenRunning }, ct);
        Assert.Equal("RUNNING", stillRunning.GetProperty("status").GetString());
        Assert.Equal(1, stillRunning.GetProperty("redriveCount").GetInt32());
        Assert.Equal("REDRIVABLE", (await CallAsync("DescribeExecution", new { executionArn = failed }, ct)).GetProperty("redriveStatus").GetString());
        await CallAsync("RedriveExecution", new { executionArn = failed }, ct);
        Assert.Equal("SUCCEEDED", await StatusWhenDoneAsync(failed, ct));
        var described = await CallAsync("DescribeExecution", new { executionArn = failed }, ct);
        Assert.Equal("""{"v":"ok"}""", described.GetProperty("output").GetString());
        Assert.Equal(1, described.GetProperty("redriveCount").GetInt32());
        var run = await CallAsync("DescribeMapRun", new { mapRunArn }, ct);
        Assert.Equal("SUCCEEDED", run.GetProperty("status").GetString());
        Assert.Equal(3, run.GetProperty("itemCounts").GetProperty("succeeded").GetInt64());
        await CallAsync("StopExecution", new { executionArn = redrivenRunning }, ct);
    }

    private async Task<string> CreateAsync(string name, string definition, CancellationToken ct)
        => (await CallAsync("CreateStateMachine", new { name, definition, roleArn = Role }, ct)).GetProperty("stateMachineArn").GetString()!;

    private async Task<string> StartAsync(string machine, string input, CancellationToken ct)
        => (await CallAsync("StartExecution", new { stateMachineArn = machine, input }, ct)).GetProperty("executionArn").GetString()!;

    /// <summary>The process signals nothing to this test, so it asks until the execution has left RUNNING (a minute at most).</summary>
    private async Task<string> StatusWhenDoneAsync(string executionArn, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var status = (await CallAsync("DescribeExecution", new { executionArn }, ct)).GetProperty("status").GetString()!;
            if (status != "RUNNING" || DateTime.UtcNow > deadline)
            {
                return status;
            }
            await Task.Delay(50, ct);
        }
    }

    private Task<JsonElement> CallAsync(string operation, object body, CancellationToken ct) => _cloud!.StepFunctionsAsync(operation, body, ct);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
