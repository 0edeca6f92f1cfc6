using System.Text.Json;

namespace CrashRecovery.Tests;

/// <summary>
/// #14's nested workflows with a real SIGKILL: a parent waiting on a states:startExecution.sync:2 child (itself waiting
/// on an activity task) is killed; after the restart the child's worker finishes it and the parent completes with the
/// child's output, with no second child started.
/// </summary>
public sealed class NestedWorkflowKillTests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::000000000000:role/r";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "localcloud-nested-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = LocalCloudProcess.FreePort();
    private LocalCloudProcess? _cloud;

    [Fact]
    public async Task KillNine_ParentWaitingOnSyncChild_CompletesWhenChildDoes()
    {
        var ct = TestContext.Current.CancellationToken;
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);
        var activity = (await CallAsync("CreateActivity", new { name = "child-work" }, ct)).GetProperty("activityArn").GetString()!;
        var childMachine = await CreateAsync("child", new { StartAt = "Work", States = new { Work = new { Type = "Task", Resource = activity, End = true } } }, ct);
        var parentMachine = await CreateAsync("parent", new
        {
            StartAt = "Nested",
            States = new
            {
                Nested = new
                {
                    Type = "Task",
                    Resource = "arn:aws:states:::states:startExecution.sync:2",
                    Parameters = new Dictionary<string, object> { ["StateMachineArn"] = childMachine, ["Input"] = new Dictionary<string, object> { ["n"] = 7, ["AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$"] = "$$.Execution.Id" } },
                    OutputPath = "$.Output",
                    End = true,
                },
            },
        }, ct);
        var parent = (await CallAsync("StartExecution", new { stateMachineArn = parentMachine, input = "{}" }, ct)).GetProperty("executionArn").GetString()!;
        var submitted = await UntilEventAsync(parent, "TaskSubmitted", ct);
        var child = JsonDocument.Parse(submitted.GetProperty("taskSubmittedEventDetails").GetProperty("output").GetString()!).RootElement.GetProperty("ExecutionArn").GetString()!;
        await UntilEventAsync(child, "ActivityScheduled", ct);

        await _cloud.KillAsync(ct);
        await _cloud.DisposeAsync();
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);

        Assert.Equal("RUNNING", (await CallAsync("DescribeExecution", new { executionArn = parent }, ct)).GetProperty("status").GetString());
        var task = await CallAsync("GetActivityTask", new { activityArn = activity, workerName = "after" }, ct);
        var childInput = JsonDocument.Parse(task.GetProperty("input").GetString()!).RootElement;
        Assert.Equal(parent, childInput.GetProperty("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").GetString());
        await CallAsync("SendTaskSuccess", new { taskToken = task.GetProperty("taskToken").GetString(), output = """{"made":7}""" }, ct);

        Assert.Equal("""{"made":7}""", await OutputWhenDoneAsync(parent, ct));
        var history = (await CallAsync("GetExecutionHistory", new { executionArn = parent }, ct)).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"], history);
        Assert.Equal(1, (await CallAsync("ListExecutions", new { stateMachineArn = childMachine }, ct)).GetProperty("executions").GetArrayLength());
    }

    private async Task<string> CreateAsync(string name, object definition, CancellationToken ct)
        => (await CallAsync("CreateStateMachine", new { name, roleArn = Role, definition = JsonSerializer.Serialize(definition) }, ct)).GetProperty("stateMachineArn").GetString()!;

    /// <summary>The process signals nothing to this test, so it asks until the event is in the history (a minute at most).</summary>
    private async Task<JsonElement> UntilEventAsync(string executionArn, string type, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            var events = (await CallAsync("GetExecutionHistory", new { executionArn }, ct)).GetProperty("events");
            foreach (var e in events.EnumerateArray())
            {
                if (e.GetProperty("type").GetString() == type)
                {
                    return e;
                }
            }
            await Task.Delay(50, ct);
        }
        Assert.Fail($"{type} never appeared in {executionArn}");
        return default;
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
