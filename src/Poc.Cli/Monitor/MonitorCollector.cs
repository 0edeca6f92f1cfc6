using System.Collections.Concurrent;
using Aws.Clients;
using Aws.Clients.Scheduler;
using Aws.Clients.StepFunctions;
using Poc.Cli.Cost;
using Poc.Cli.Deploy;
using Poc.Cli.History;

namespace Poc.Cli.Monitor;

/// <summary>
/// Builds a <see cref="MonitorSnapshot"/> from the endpoint: both state machines' newest executions with their current
/// state, poc-task-tokens, poc-poller-schedule and Lambda activity. Keep one instance across refreshes: the current
/// state of an execution that has ended never changes, so its history is read once.
/// </summary>
public sealed class MonitorCollector(MonitorSources sources, TimeProvider time)
{
    /// <summary>Executions listed per state machine.</summary>
    public const int ExecutionsShown = 10;

    /// <summary>Pending jobs listed (oldest first); the count covers all of them.</summary>
    public const int PendingShown = 20;

    /// <summary>Recent invocations listed when the endpoint is LocalCloud.</summary>
    public const int RecentInvocationsShown = 10;

    // The newest events are enough for "state (last event)"; the state entered is almost always among them.
    private const int HistoryEventsRead = 50;
    private const int MaxConcurrentHistories = 4;

    private static readonly string[] MachineNames = [PocResources.CallbackStateMachine, PocResources.BaselineStateMachine];

    private readonly ConcurrentDictionary<string, string> endedStates = new(StringComparer.Ordinal);

    /// <summary>Reads everything once.</summary>
    public async Task<MonitorSnapshot> CollectAsync(CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var now = time.GetUtcNow();
        var machines = StateMachinesAsync(ct);
        var tokens = TokenTableReader.ReadAsync(sources.DynamoDb, ct);
        var schedule = GetScheduleAsync(ct);
        var usage = sources.Usage is { } read ? read(ct) : Task.FromResult<IReadOnlyList<UsageReading>>([]);
        var recent = sources.RecentInvocations is { } list ? list(LambdaActivityReader.RecentRead, ct) : Task.FromResult<IReadOnlyList<Endpoints.LambdaInvocation>>([]);
        await Task.WhenAll(machines, tokens, schedule, usage, recent);

        return new MonitorSnapshot(
            now,
            sources.Where,
            await machines,
            await tokens,
            ScheduleStatusOf(await schedule, await usage, now),
            LambdaActivityReader.Read(sources, await usage, await recent, RecentInvocationsShown));
    }

    private async Task<IReadOnlyList<StateMachineActivity>> StateMachinesAsync(CancellationToken ct)
    {
        var arns = new Dictionary<string, string>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var page = await sources.StepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest { NextToken = next }, ct);
            foreach (var m in page.StateMachines.Where(m => MachineNames.Contains(m.Name, StringComparer.Ordinal)))
            {
                arns[m.Name] = m.StateMachineArn;
            }

            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next) && arns.Count < MachineNames.Length);

        using var gate = new SemaphoreSlim(MaxConcurrentHistories);
        var listed = await Task.WhenAll(MachineNames.Select(async name =>
            arns.TryGetValue(name, out var arn)
                ? new StateMachineActivity(name, arn, await ExecutionsAsync(arn, gate, ct))
                : new StateMachineActivity(name, null, [])));

        // Forget ended executions that dropped off the lists, so a long --watch does not grow the cache.
        var shown = listed.SelectMany(m => m.Executions).Select(e => e.Arn).ToHashSet(StringComparer.Ordinal);
        foreach (var arn in endedStates.Keys.Where(k => !shown.Contains(k)))
        {
            endedStates.TryRemove(arn, out _);
        }

        return listed;
    }

    private async Task<IReadOnlyList<ExecutionRow>> ExecutionsAsync(string machineArn, SemaphoreSlim gate, CancellationToken ct)
    {
        // ListExecutions returns the newest first (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListExecutions.html).
        var page = await sources.StepFunctions.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machineArn, MaxResults = ExecutionsShown }, ct);
        return await Task.WhenAll(page.Executions.Take(ExecutionsShown).Select(async e =>
            new ExecutionRow(e.Name, e.Status, await CurrentStateAsync(e, gate, ct), e.StartDate, e.StopDate) { Arn = e.ExecutionArn }));
    }

    private async Task<string> CurrentStateAsync(ExecutionListItem execution, SemaphoreSlim gate, CancellationToken ct)
    {
        if (endedStates.TryGetValue(execution.ExecutionArn, out var ended))
        {
            return ended;
        }

        await gate.WaitAsync(ct);
        try
        {
            var page = await sources.StepFunctions.GetExecutionHistoryAsync(
                new GetExecutionHistoryRequest
                {
                    ExecutionArn = execution.ExecutionArn,
                    ReverseOrder = true,
                    MaxResults = HistoryEventsRead,
                    IncludeExecutionData = false,
                },
                ct);
            var state = HistoryAnalysis.CurrentState(ClientHistoryEvents.Convert(page.Events));
            if (execution.Status != "RUNNING" && execution.Status != "PENDING_REDRIVE")
            {
                endedStates[execution.ExecutionArn] = state;
            }

            return state;
        }
        catch (AwsApiException e) when (e.ErrorCode == "ExecutionDoesNotExist")
        {
            // Deleted with its state machine between the two calls.
            return "-";
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<GetScheduleResponse?> GetScheduleAsync(CancellationToken ct)
    {
        try
        {
            return await sources.Scheduler.GetScheduleAsync(
                new GetScheduleRequest { Name = PocResources.PollerSchedule, GroupName = PocResources.ScheduleGroup }, ct);
        }
        catch (AwsApiException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            return null;
        }
    }

    private ScheduleStatus ScheduleStatusOf(GetScheduleResponse? schedule, IReadOnlyList<UsageReading> usage, DateTimeOffset now)
    {
        if (schedule is null)
        {
            return ScheduleStatus.Missing(PocResources.PollerSchedule);
        }

        double? Count(string metric) => sources.Usage is null ? null
            : usage.Where(r => r.Service == "scheduler" && r.Metric == metric && r.Resource == schedule.Arn).Sum(r => r.Amount);
        return new ScheduleStatus(
            PocResources.PollerSchedule,
            true,
            schedule.State,
            schedule.ScheduleExpression,
            ScheduleEstimate.Next(schedule, now, sources.Kind, sources.ScheduleTimeScale))
        {
            Fired = Count("Invocations"),
            TargetErrors = Count("TargetErrorCount"),
        };
    }
}
