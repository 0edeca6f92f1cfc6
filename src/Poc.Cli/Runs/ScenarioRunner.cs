using System.Diagnostics;
using Aws.Clients.StepFunctions;
using Poc.Cli.Cli;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.History;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Runs;

/// <summary>
/// poc run as a library: starts every execution of a plan at once, follows them (status, history, record) until
/// they end and their records settle, invoking the poller itself when the plan says so.
/// </summary>
public static class ScenarioRunner
{
    private const int MaxConcurrentRefreshes = 8;

    /// <summary>Runs <paramref name="plan"/> against <paramref name="env"/>, reporting a snapshot after every refresh.</summary>
    public static async Task<RunResult> RunAsync(PocEnvironment env, RunPlan plan, IProgress<RunSnapshot>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(plan);
        var machine = plan.Workflow == WorkflowKind.Callback ? PocResources.CallbackStateMachine : PocResources.BaselineStateMachine;
        var machineArn = await StateMachines.FindArnAsync(env.StepFunctions, machine, ct)
                         ?? throw new PocException(Messages.NotDeployed(machine));

        var clock = Stopwatch.StartNew();
        var executions = await StartAllAsync(env, plan, machineArn, ct);
        var trigger = new PollerTrigger(env, plan.Poller.Interval);
        using var stopTrigger = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var triggerLoop = plan.Poller.TriggerPoller ? trigger.RunAsync(stopTrigger.Token) : Task.CompletedTask;

        var finishedAt = new DateTimeOffset?[executions.Length];
        var grace = (plan.Poller.Interval * 3) + TimeSpan.FromSeconds(5);
        var deadline = env.Time.GetUtcNow() + plan.Poller.Timeout;
        var refreshEvery = TimeSpan.FromMilliseconds(env.Kind == EndpointKind.Aws ? 2000 : 500);
        using var gate = new SemaphoreSlim(MaxConcurrentRefreshes);
        try
        {
            while (true)
            {
                var now = env.Time.GetUtcNow();
                await Task.WhenAll(Enumerable.Range(0, executions.Length)
                    .Where(i => !Settled(executions[i], finishedAt[i], now, grace))
                    .Select(async i =>
                    {
                        await gate.WaitAsync(ct);
                        try
                        {
                            executions[i] = await RefreshAsync(env, executions[i], ct);
                            finishedAt[i] ??= executions[i].IsFinished ? env.Time.GetUtcNow() : null;
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }));

                progress?.Report(new RunSnapshot([.. executions], trigger.Invocations, clock.Elapsed, trigger.LastNote));
                now = env.Time.GetUtcNow();
                if (Enumerable.Range(0, executions.Length).All(i => Settled(executions[i], finishedAt[i], now, grace)))
                {
                    break;
                }

                if (now > deadline)
                {
                    for (var i = 0; i < executions.Length; i++)
                    {
                        executions[i] = executions[i] with { GaveUp = !executions[i].IsFinished };
                    }

                    progress?.Report(new RunSnapshot([.. executions], trigger.Invocations, clock.Elapsed, trigger.LastNote));
                    break;
                }

                await Task.Delay(refreshEvery, env.Time, ct);
            }
        }
        finally
        {
            await stopTrigger.CancelAsync();
            await triggerLoop;
        }

        return new RunResult(executions, clock.Elapsed, trigger.Invocations);
    }

    private static async Task<ExecutionObservation[]> StartAllAsync(PocEnvironment env, RunPlan plan, string machineArn, CancellationToken ct)
    {
        var starts = new List<Task<ExecutionObservation>>();
        foreach (var item in plan.Items)
        {
            for (var job = 1; job <= item.Jobs; job++)
            {
                var name = ExecutionName(item.Scenario, plan.Label, job);
                starts.Add(StartAsync(env, plan, machineArn, item.Scenario, name, ct));
            }
        }

        return await Task.WhenAll(starts);
    }

    private static async Task<ExecutionObservation> StartAsync(
        PocEnvironment env, RunPlan plan, string machineArn, Scenario scenario, string name, CancellationToken ct)
    {
        var input = scenario.BuildInput(name, plan.Poller.IntervalSeconds).ToJsonString();
        var started = await env.StepFunctions.StartExecutionAsync(
            new StartExecutionRequest { StateMachineArn = machineArn, Name = name, Input = input }, ct);
        return new ExecutionObservation(scenario, plan.Workflow, started.ExecutionArn, name);
    }

    /// <summary>A unique, valid execution name (1–80 of [A-Za-z0-9-_]) that says what the execution is for.</summary>
    public static string ExecutionName(Scenario scenario, string label, int job)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var prefix = new string([.. $"{scenario.Name}-{label}-{job}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return $"{prefix[..Math.Min(prefix.Length, 71)]}-{Guid.NewGuid():N}"[..Math.Min(80, Math.Min(prefix.Length, 71) + 9)];
    }

    private static async Task<ExecutionObservation> RefreshAsync(PocEnvironment env, ExecutionObservation e, CancellationToken ct)
    {
        if (!e.IsFinished)
        {
            var described = await env.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = e.ExecutionArn }, ct);
            var history = await env.StepFunctions.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = e.ExecutionArn }, ct);
            e = e with
            {
                Status = described.Status,
                Error = described.Error,
                Cause = described.Cause,
                Output = described.Output,
                History = ClientHistoryEvents.Convert(history),
            };
        }

        return e.Workflow == WorkflowKind.Callback
            ? e with { Record = await TokenRecords.GetAsync(env.DynamoDb, e.ExecutionArn, ct) ?? e.Record }
            : e;
    }

    // Done once the execution ended and its record reached a final status. A record still PENDING after its
    // workflow ended (a state timeout) closes only when the poller next calls back, at its polling deadline
    // at the latest, so it is given a few poll intervals past the later of the end and that deadline.
    private static bool Settled(ExecutionObservation e, DateTimeOffset? finishedAt, DateTimeOffset now, TimeSpan grace)
        => e.GaveUp
           || (e.IsFinished
               && (e.Workflow == WorkflowKind.Baseline
                   || RecordStatuses.IsTerminal(e.Record?.Status)
                   || (finishedAt is { } at && now - Later(at, e.Record?.Deadline) > grace)));

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } x && x > a ? x : a;
}
