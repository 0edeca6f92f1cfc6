using System.Text.Json;

namespace CrashRecovery.Tests;

/// <summary>
/// #14's activities with a real SIGKILL: the activity and its tags come back, a task a worker held before the kill still
/// takes that worker's SendTaskSuccess, and a task no worker had taken is handed out again after the restart.
/// </summary>
public sealed class ActivityKillTests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::000000000000:role/r";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "localcloud-activities-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = LocalCloudProcess.FreePort();
    private LocalCloudProcess? _cloud;

    [Fact]
    public async Task KillNine_ActivitiesAndTheirTasks_Survive()
    {
        var ct = TestContext.Current.CancellationToken;
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);
        var activity = (await CallAsync("CreateActivity", new { name = "kill-work", tags = new[] { new { key = "team", value = "ops" } } }, ct))
            .GetProperty("activityArn").GetString()!;
        var machine = (await CallAsync("CreateStateMachine", new
        {
            name = "kill-activity",
            roleArn = Role,
            definition = JsonSerializer.Serialize(new { StartAt = "Work", States = new { Work = new { Type = "Task", Resource = activity, TimeoutSeconds = 3600, End = true } } }),
        }, ct)).GetProperty("stateMachineArn").GetString()!;
        var held = await StartAsync(machine, """{"n":1}""", ct);
        var heldTask = await CallAsync("GetActivityTask", new { activityArn = activity, workerName = "before" }, ct);
        Assert.Equal("""{"n":1}""", heldTask.GetProperty("input").GetString());
        var queued = await StartAsync(machine, """{"n":2}""", ct);
        await UntilScheduledAsync(queued, ct);

        await _cloud.KillAsync(ct);
        await _cloud.DisposeAsync();
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);

        Assert.Equal("kill-work", (await CallAsync("DescribeActivity", new { activityArn = activity }, ct)).GetProperty("name").GetString());
        Assert.Equal("ops", (await CallAsync("ListTagsForResource", new { resourceArn = activity }, ct)).GetProperty("tags")[0].GetProperty("value").GetString());
        var again = await CallAsync("GetActivityTask", new { activityArn = activity, workerName = "after" }, ct);
        Assert.Equal("""{"n":2}""", again.GetProperty("input").GetString());
        await CallAsync("SendTaskSuccess", new { taskToken = heldTask.GetProperty("taskToken").GetString(), output = "\"one\"" }, ct);
        await CallAsync("SendTaskSuccess", new { taskToken = again.GetProperty("taskToken").GetString(), output = "\"two\"" }, ct);
        Assert.Equal("\"one\"", await OutputWhenDoneAsync(held, ct));
        Assert.Equal("\"two\"", await OutputWhenDoneAsync(queued, ct));
    }

    private async Task<string> StartAsync(string machine, string input, CancellationToken ct)
        => (await CallAsync("StartExecution", new { stateMachineArn = machine, input }, ct)).GetProperty("executionArn").GetString()!;

    /// <summary>The process signals nothing to this test, so it asks until ActivityScheduled is in the history (a minute at most).</summary>
    private async Task UntilScheduledAsync(string executionArn, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            var events = (await CallAsync("GetExecutionHistory", new { executionArn }, ct)).GetProperty("events");
            if (events.EnumerateArray().Any(e => e.GetProperty("type").GetString() == "ActivityScheduled"))
            {
                return;
            }
            await Task.Delay(50, ct);
        }
        Assert.Fail("the activity task was never scheduled");
    }

    private Task<string?> OutputWhenDoneAsync(string executionArn, CancellationToken ct) => _cloud!.SucceededOutputAsync(executionArn, ct);

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
