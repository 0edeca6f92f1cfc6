using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Aws.Clients.Scheduler;
using Aws.Clients.StepFunctions;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;

namespace CrashRecovery.Tests;

/// <summary>
/// Issue 7's fault test: 1,000 callback executions waiting on their tokens, LocalCloud killed with SIGKILL
/// and started again over the same --data; the poller then completes all 1,000 with the right outputs.
/// The poller's schedule is disabled while the executions pile up, so every one of them is genuinely
/// waiting at the moment of the kill; enabling it after the restart also proves the schedule survived.
/// </summary>
public sealed class KillAndRestartTests : IAsyncLifetime
{
    private const int Executions = 1_000;
    private const double ScheduleTimeScale = 0.05;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "localcloud-crash-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = LocalCloudProcess.FreePort();
    private LocalCloudProcess? _cloud;

    [Fact]
    public async Task KillNine_WithThousandWaitingExecutions_PollerCompletesAllAfterRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, ScheduleTimeScale, ct);
        string machineArn;
        using (var env = PocEnvironment.ForLocalCloud(_cloud.BaseUrl, ScheduleTimeScale))
        {
            await Deployer.DeployAsync(env, progress: null, ct);
            await SetPollerStateAsync(env, "DISABLED", ct);
            machineArn = await CallbackMachineArnAsync(env, ct);
            await StartExecutionsAsync(env, machineArn, ct);
            await WaitForAsync(async () => await CountTokensAsync(env, "PENDING", ct) == Executions, TimeSpan.FromMinutes(4),
                "every execution to reach its callback and store its token", ct);
        }

        await _cloud.KillAsync(ct);
        await _cloud.DisposeAsync();
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, ScheduleTimeScale, ct);

        using var restarted = PocEnvironment.ForLocalCloud(_cloud.BaseUrl, ScheduleTimeScale);
        var running = await ListExecutionsAsync(restarted, machineArn, "RUNNING", ct);
        Assert.Equal(Executions, running.Count);
        await SetPollerStateAsync(restarted, "ENABLED", ct);
        // The poller closes a record (COMPLETED) after its callback, so the last batch's executions can have SUCCEEDED while
        // their records are still being closed: wait for both (reading right after the executions alone failed a CI run).
        await WaitForAsync(async () => (await ListExecutionsAsync(restarted, machineArn, "SUCCEEDED", ct)).Count == Executions
                && await CountTokensAsync(restarted, "COMPLETED", ct) == Executions,
            TimeSpan.FromMinutes(4), "the poller to complete every execution, and close its record, after the restart", ct);

        var records = await TokenRecordsAsync(restarted, ct);
        Assert.Equal(Executions, records.Count);
        Assert.All(records.Values, r => Assert.Equal("COMPLETED", r["status"].S));
        foreach (var execution in running)
        {
            var described = await restarted.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = execution.ExecutionArn }, ct);
            var job = JsonNode.Parse(described.Output!)!["job"]!;
            Assert.Equal(records[execution.ExecutionArn]["jobId"].S, (string?)job["jobId"]);
            Assert.Equal("COMPLETED", (string?)job["status"]);
        }
        // Resumed, not re-run: one ExecutionStarted, one create-job invocation, one callback.
        var history = await restarted.StepFunctions.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = running[0].ExecutionArn }, ct);
        Assert.Single(history, e => e.Type == "ExecutionStarted");
        Assert.Single(history, e => e.Type == "TaskSubmitted");
        Assert.Single(history, e => e.Type == "TaskSucceeded");
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Id));
    }

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

    private static async Task StartExecutionsAsync(PocEnvironment env, string machineArn, CancellationToken ct)
    {
        var input = JsonSerializer.Serialize(new { scenario = "complete", checksToComplete = 1, jobName = "crash-recovery" });
        await Parallel.ForAsync(0, Executions, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
            await env.StepFunctions.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machineArn, Name = $"crash-{i:D4}", Input = input }, token));
    }

    private static async Task<string> CallbackMachineArnAsync(PocEnvironment env, CancellationToken ct)
    {
        var machines = await env.StepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest(), ct);
        return machines.StateMachines.Single(m => m.Name == PocResources.CallbackStateMachine).StateMachineArn;
    }

    private static async Task SetPollerStateAsync(PocEnvironment env, string state, CancellationToken ct)
    {
        var schedule = await env.Scheduler.GetScheduleAsync(new GetScheduleRequest { Name = PocResources.PollerSchedule }, ct);
        await env.Scheduler.UpdateScheduleAsync(new UpdateScheduleRequest
        {
            Name = PocResources.PollerSchedule,
            ScheduleExpression = schedule.ScheduleExpression!,
            FlexibleTimeWindow = schedule.FlexibleTimeWindow!,
            Target = schedule.Target!,
            State = state,
        }, ct);
    }

    private static async Task<List<ExecutionListItem>> ListExecutionsAsync(PocEnvironment env, string machineArn, string status, CancellationToken ct)
    {
        var all = new List<ExecutionListItem>();
        string? next = null;
        do
        {
            var page = await env.StepFunctions.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machineArn, StatusFilter = status, MaxResults = 1000, NextToken = next }, ct);
            all.AddRange(page.Executions);
            next = page.NextToken;
        }
        while (next is not null);
        return all;
    }

    private static async Task<int> CountTokensAsync(PocEnvironment env, string status, CancellationToken ct)
        => (await TokenRecordsAsync(env, ct)).Values.Count(r => r["status"].S == status);

    private static async Task<Dictionary<string, Dictionary<string, AttributeValue>>> TokenRecordsAsync(PocEnvironment env, CancellationToken ct)
    {
        var records = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await env.DynamoDb.ScanAsync(new ScanRequest { TableName = PocResources.TokensTable, ExclusiveStartKey = start }, ct);
            foreach (var item in page.Items)
            {
                records[item["executionArn"].S] = item;
            }
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return records;
    }

    /// <summary>Waits on an observable condition (not a fixed sleep), failing with what it waited for.</summary>
    private async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan limit, string what, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {limit} waiting for {what}. LocalCloud said:\n{_cloud?.Output}");
            }
            await Task.Delay(500, ct);
        }
    }
}
