using System.Diagnostics;
using Aws.Clients.StepFunctions;
using Poc.Cli.Cli;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.History;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Cost;

/// <summary>
/// Runs the same jobs through the callback workflow, then through the polling baseline while the poller sweeps with
/// nothing pending (the idle spell that prices one empty sweep), resetting LocalCloud's usage counters before each.
/// </summary>
/// <remarks>
/// The baseline and the idle sweeps share one window because they touch disjoint resources: the baseline uses its
/// state machine and poc-simulated-api; an idle sweep uses poc-poller, poc-task-tokens and the schedule, and calls
/// poc-simulated-api only for a pending job. The window is checked to hold no callback work (<see cref="SharedWindow"/>).
/// Executions are followed with DescribeExecution only (Step Functions bills no read API), and the token records are
/// read after the usage snapshot, so poc's own observing adds no DynamoDB units to what is measured.
/// </remarks>
public static class CostMeasurement
{
    /// <summary>Poll intervals the idle spell lasts at least, so it holds several sweeps.</summary>
    public const int IdleIntervals = 3;

    /// <summary>The jobs both workflows run: every scenario the baseline can show, twice, so the polls per job vary.</summary>
    public static IReadOnlyList<RunItem> DefaultJobs { get; } =
        [.. ScenarioCatalog.All.Where(s => s.AppliesToBaseline).Select(s => new RunItem(s, 2))];

    /// <summary>Measures; <paramref name="progress"/> gets one line per phase.</summary>
    /// <param name="env">Where.</param>
    /// <param name="poller">The sweep interval, and whether poc triggers the sweeps.</param>
    /// <param name="usage">LocalCloud's usage endpoint.</param>
    /// <param name="jobs">The jobs each workflow runs.</param>
    /// <param name="sweepsFinished">
    /// Whether every sweep counted since a moment has ended (<see cref="EmbeddedLocalCloud.SweepsFinishedSinceAsync"/>), when
    /// LocalCloud runs in this process; lets a phase end as soon as its last sweep is billed instead of a poll interval later.
    /// </param>
    /// <param name="progress">One line per phase.</param>
    /// <param name="ct">Cancels.</param>
    public static async Task<MeasuredUsage> RunAsync(
        PocEnvironment env, PollerPlan poller, UsageClient usage, IReadOnlyList<RunItem> jobs, Func<DateTimeOffset, CancellationToken, Task<bool>>? sweepsFinished,
        IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(poller);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(jobs);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var trigger = new PollerTrigger(env, poller.Interval);
        var triggerLoop = poller.TriggerPoller ? trigger.RunAsync(stop.Token) : Task.CompletedTask;
        var count = jobs.Sum(j => j.Jobs);
        try
        {
            var clock = Stopwatch.StartNew();
            progress?.Report(Messages.MeasuringWorkflow(count, WorkflowKind.Callback));
            // LocalCloud counts from its start until the first reset.
            var since = await ResetAsync(env, usage, sweepsFinished, DateTimeOffset.MinValue, poller, ct);
            var callbackRun = await StartAndFollowAsync(env, poller, jobs, WorkflowKind.Callback, ct);

            // The poller closes a record just after its callback ends the execution, and Lambda bills the sweep when it
            // ends: wait for the sweeps in flight to end, or (not knowing) one more interval.
            await SettleAsync(env, sweepsFinished, since, poller.Interval + TimeSpan.FromSeconds(1), ct);
            var callback = new PhaseMeasurement(await usage.SnapshotAsync(ct), await ObserveAsync(env, callbackRun, ct));
            progress?.Report(Messages.Measured(clock.Elapsed));

            clock.Restart();
            progress?.Report(Messages.MeasuringBaselineAndIdle(count, IdleIntervals, poller.IntervalSeconds));
            await ResetAsync(env, usage, sweepsFinished, since, poller, ct);
            var idleUntil = env.Time.GetUtcNow() + (poller.Interval * IdleIntervals) + TimeSpan.FromSeconds(0.5);
            var baselineRun = await StartAndFollowAsync(env, poller, jobs, WorkflowKind.Baseline, ct);
            if (idleUntil - env.Time.GetUtcNow() is { Ticks: > 0 } rest)
            {
                await Task.Delay(rest, env.Time, ct);
            }

            var (idle, baselineUsage) = SharedWindow.Split(await usage.SnapshotAsync(ct));
            var baseline = new PhaseMeasurement(baselineUsage, await ObserveAsync(env, baselineRun, ct));
            progress?.Report(Messages.Measured(clock.Elapsed));

            var wait = ScenarioCatalog.Success.BuildInput("x", poller.IntervalSeconds)["pollIntervalSeconds"]!.GetValue<int>();
            return new MeasuredUsage(idle, callback, baseline, poller.IntervalSeconds, wait);
        }
        finally
        {
            await stop.CancelAsync();
            await triggerLoop;
        }
    }

    // Resets the counters between sweeps when that can be known, so no sweep is half in one phase and half in the next;
    // returns the moment of the reset.
    private static async Task<DateTimeOffset> ResetAsync(
        PocEnvironment env, UsageClient usage, Func<DateTimeOffset, CancellationToken, Task<bool>>? sweepsFinished, DateTimeOffset lastReset, PollerPlan poller, CancellationToken ct)
    {
        if (sweepsFinished is not null)
        {
            await SettleAsync(env, sweepsFinished, lastReset, poller.Interval, ct);
        }

        var at = env.Time.GetUtcNow();
        await usage.ResetAsync(ct);
        return at;
    }

    // Waits until every sweep counted since `since` has ended, at most `cap`; without a way to tell, waits `cap`.
    private static async Task SettleAsync(PocEnvironment env, Func<DateTimeOffset, CancellationToken, Task<bool>>? sweepsFinished, DateTimeOffset since, TimeSpan cap, CancellationToken ct)
    {
        if (sweepsFinished is null)
        {
            await Task.Delay(cap, env.Time, ct);
            return;
        }

        var until = env.Time.GetUtcNow() + cap;
        while (!await sweepsFinished(since, ct) && env.Time.GetUtcNow() < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), env.Time, ct);
        }
    }

    // Starts every job at once and follows them with DescribeExecution until they end (or the plan's timeout passes).
    private static async Task<FollowedRun> StartAndFollowAsync(
        PocEnvironment env, PollerPlan poller, IReadOnlyList<RunItem> jobs, WorkflowKind workflow, CancellationToken ct)
    {
        var machine = workflow == WorkflowKind.Callback ? PocResources.CallbackStateMachine : PocResources.BaselineStateMachine;
        var machineArn = await StateMachines.FindArnAsync(env.StepFunctions, machine, ct) ?? throw new PocException(Messages.NotDeployed(machine));
        var label = workflow == WorkflowKind.Callback ? "cost-cb" : "cost-bl";
        var started = await Task.WhenAll(jobs.SelectMany(item => Enumerable.Range(1, item.Jobs).Select(async job =>
        {
            var name = ScenarioRunner.ExecutionName(item.Scenario, label, job);
            var input = item.Scenario.BuildInput(name, poller.IntervalSeconds).ToJsonString();
            var response = await env.StepFunctions.StartExecutionAsync(
                new StartExecutionRequest { StateMachineArn = machineArn, Name = name, Input = input }, ct);
            return new ExecutionObservation(item.Scenario, workflow, response.ExecutionArn, name);
        })));

        var deadline = env.Time.GetUtcNow() + poller.Timeout;
        var described = new DescribeExecutionResponse?[started.Length];
        while (true)
        {
            for (var i = 0; i < started.Length; i++)
            {
                if (described[i] is not { } d || !ExecutionStatuses.IsTerminal(d.Status))
                {
                    described[i] = await env.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = started[i].ExecutionArn }, ct);
                }
            }

            if (described.All(d => d is not null && ExecutionStatuses.IsTerminal(d.Status)) || env.Time.GetUtcNow() > deadline)
            {
                return new FollowedRun(started, described);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), env.Time, ct);
        }
    }

    // Histories and token records, read only after the phase's usage snapshot.
    private static async Task<IReadOnlyList<ExecutionObservation>> ObserveAsync(PocEnvironment env, FollowedRun run, CancellationToken ct)
    {
        var observed = new List<ExecutionObservation>();
        for (var i = 0; i < run.Started.Count; i++)
        {
            var started = run.Started[i];
            var history = await env.StepFunctions.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = started.ExecutionArn }, ct);
            var d = run.Described[i]!;
            observed.Add(started with
            {
                Status = d.Status,
                Error = d.Error,
                Cause = d.Cause,
                Output = d.Output,
                History = ClientHistoryEvents.Convert(history),
                Record = started.Workflow == WorkflowKind.Callback ? await TokenRecords.GetAsync(env.DynamoDb, started.ExecutionArn, ct) : null,
                GaveUp = !ExecutionStatuses.IsTerminal(d.Status),
            });
        }

        return observed;
    }

    private sealed record FollowedRun(IReadOnlyList<ExecutionObservation> Started, IReadOnlyList<DescribeExecutionResponse?> Described);
}
