using Aws.Clients.StepFunctions;
using Poc.Cli.Cli;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.History;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Cost;

/// <summary>
/// Runs the same jobs through the callback workflow and through the polling baseline, one after the other, resetting
/// LocalCloud's usage counters before each so their units stay apart, plus an idle spell that prices one empty sweep.
/// </summary>
/// <remarks>
/// Executions are followed with DescribeExecution only (Step Functions bills no read API), and the token records are
/// read after the usage snapshot, so poc's own observing adds no DynamoDB units to what is measured.
/// </remarks>
public static class CostMeasurement
{
    /// <summary>The jobs both workflows run: every scenario the baseline can show, twice, so the polls per job vary.</summary>
    public static IReadOnlyList<RunItem> DefaultJobs { get; } =
        [.. ScenarioCatalog.All.Where(s => s.AppliesToBaseline).Select(s => new RunItem(s, 2))];

    /// <summary>Measures; <paramref name="progress"/> gets one line per phase.</summary>
    public static async Task<MeasuredUsage> RunAsync(
        PocEnvironment env, PollerPlan poller, UsageClient usage, IReadOnlyList<RunItem> jobs, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(poller);
        ArgumentNullException.ThrowIfNull(usage);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var trigger = new PollerTrigger(env, poller.Interval);
        var triggerLoop = poller.TriggerPoller ? trigger.RunAsync(stop.Token) : Task.CompletedTask;
        try
        {
            progress?.Report(Messages.MeasuringIdle(poller.IntervalSeconds));
            await usage.ResetAsync(ct);
            await Task.Delay((poller.Interval * 3) + TimeSpan.FromSeconds(0.5), env.Time, ct);
            var idle = await usage.SnapshotAsync(ct);

            progress?.Report(Messages.MeasuringWorkflow(jobs.Sum(j => j.Jobs), WorkflowKind.Callback));
            var callback = await PhaseAsync(env, poller, usage, jobs, WorkflowKind.Callback, ct);
            progress?.Report(Messages.MeasuringWorkflow(jobs.Sum(j => j.Jobs), WorkflowKind.Baseline));
            var baseline = await PhaseAsync(env, poller, usage, jobs, WorkflowKind.Baseline, ct);
            var wait = ScenarioCatalog.Success.BuildInput("x", poller.IntervalSeconds)["pollIntervalSeconds"]!.GetValue<int>();
            return new MeasuredUsage(idle, callback, baseline, poller.IntervalSeconds, wait);
        }
        finally
        {
            await stop.CancelAsync();
            await triggerLoop;
        }
    }

    private static async Task<PhaseMeasurement> PhaseAsync(
        PocEnvironment env, PollerPlan poller, UsageClient usage, IReadOnlyList<RunItem> jobs, WorkflowKind workflow, CancellationToken ct)
    {
        var machine = workflow == WorkflowKind.Callback ? PocResources.CallbackStateMachine : PocResources.BaselineStateMachine;
        var machineArn = await StateMachines.FindArnAsync(env.StepFunctions, machine, ct) ?? throw new PocException(Messages.NotDeployed(machine));
        await usage.ResetAsync(ct);

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
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), env.Time, ct);
        }

        // The poller closes a record just after its callback ends the execution; one more interval lets those writes land.
        if (workflow == WorkflowKind.Callback)
        {
            await Task.Delay(poller.Interval + TimeSpan.FromSeconds(1), env.Time, ct);
        }

        var snapshot = await usage.SnapshotAsync(ct);
        var observed = new List<ExecutionObservation>();
        for (var i = 0; i < started.Length; i++)
        {
            var history = await env.StepFunctions.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = started[i].ExecutionArn }, ct);
            var d = described[i]!;
            observed.Add(started[i] with
            {
                Status = d.Status,
                Error = d.Error,
                Cause = d.Cause,
                Output = d.Output,
                History = ClientHistoryEvents.Convert(history),
                Record = workflow == WorkflowKind.Callback ? await TokenRecords.GetAsync(env.DynamoDb, started[i].ExecutionArn, ct) : null,
                GaveUp = !ExecutionStatuses.IsTerminal(d.Status),
            });
        }

        return new PhaseMeasurement(snapshot, observed);
    }
}
