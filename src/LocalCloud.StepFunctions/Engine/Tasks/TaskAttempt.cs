using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// Runs one Task attempt through the runner its Resource maps to, and does once what every integration shares:
/// Scheduled → Started → [Submitted, .waitForTaskToken and .sync] → Succeeded | Failed | TimedOut in the runner's dialect,
/// TimeoutSeconds and (for callbacks) HeartbeatSeconds, the task token, and the checkpoints of a durable execution.
/// Every ending goes through one <see cref="OpenTask"/>, so the call's result, a callback, a timer and StopExecution
/// race safely: the first close wins. After a restart (<see cref="StateVisit.ResumedTask"/>) it writes only the events
/// history lacks: a task that was Scheduled or Started is called again (at-least-once), a Submitted one only waits.
/// </summary>
public sealed class TaskAttempt(Execution execution, EngineEnvironment env, StateVisit scope)
{
    public async Task<JsonNode?> RunAsync(TaskState state, JsonNode? stateInput, JsonNode? input, string? token, CancellationToken cancellationToken)
    {
        var (runner, resource) = MockedTaskCall.Resolve(execution, scope.StateName, state.Resource, token, env.Runners) ?? env.Runners.Resolve(state.Resource);
        var dialect = runner.Dialect;
        var limits = state.Timeouts;
        var timeout = TaskScheduling.ReadSeconds(scope, limits.TimeoutSeconds, limits.TimeoutSecondsPath, limits.TimeoutSecondsExpression, stateInput, "TimeoutSeconds");
        var heartbeat = TaskScheduling.ReadSeconds(scope, limits.HeartbeatSeconds, limits.HeartbeatSecondsPath, limits.HeartbeatSecondsExpression, stateInput, "HeartbeatSeconds");
        var callback = resource.Pattern == IntegrationPattern.WaitForTaskToken;
        // Only a task that waits on a worker has a heartbeat to miss.
        var heartbeatPeriod = heartbeat is { } h && callback ? TimeSpan.FromSeconds(h) : (TimeSpan?)null;
        var resumed = scope.ResumedTask;
        // After a restart the task runs with the parameters its Scheduled event shows (States.UUID is not drawn again).
        var parameters = resumed?.Parameters ?? Events.Json(input);
        if (resumed is not null)
        {
            input = JsonNode.Parse(parameters);
        }
        var call = runner.Prepare(resource, input, env, execution);

        using var open = scope.TakeResumedTask() ?? new OpenTask(execution, token);
        env.Tokens.Register(open);
        execution.AddOpenTask(open);
        if (scope.IsJournaled && callback)
        {
            open.Journal = execution.Journal;
        }
        // A Parallel branch or Map iteration aborted by its siblings' failure closes its task as a stop would.
        using var aborted = cancellationToken.Register(() => open.TryClose(new TaskOutcome.Aborted()));
        try
        {
            var progress = scope.IsJournaled ? resumed ?? new TaskCheckpoint(TaskPhase.Scheduled, token, parameters) : null;
            if (resumed is null)
            {
                if (dialect.StartedByWorker)
                {
                    // Nothing starts until a worker takes the task: TimeoutSeconds runs from here, stored with the Scheduled event.
                    progress = TaskScheduling.Started(progress, env.Time.GetUtcNow(), timeout, null);
                }
                Append(dialect.Scheduled, dialect.ScheduledDetails(resource, execution.Context.Region, parameters, timeout, heartbeat), progress, token);
                if (dialect.StartedByWorker)
                {
                    open.StartTimers(env.Time, timeout is { } t ? TimeSpan.FromSeconds(t) : null, null);
                }
            }
            if (!dialect.StartedByWorker && resumed is null or { Phase: TaskPhase.Scheduled })
            {
                progress = TaskScheduling.Started(progress, env.Time.GetUtcNow(), timeout, heartbeatPeriod);
                var details = dialect.StartedDetails(resource);
                execution.Append(dialect.Started, details is null ? null : TaskHistoryDialect.Member(dialect.Started), details, scope.At(progress));
                open.StartTimers(env.Time, timeout is { } t ? TimeSpan.FromSeconds(t) : null, heartbeatPeriod);
            }
            // Otherwise the timers were re-armed, with what was left of them, when the store was loaded.
            if (resumed is not { Phase: TaskPhase.Submitted })
            {
                progress = dialect.StartedByWorker
                    ? await ActivityRunner.HandOffAsync(execution, env, scope, open, resource, parameters, progress, heartbeatPeriod).ConfigureAwait(false)
                    : await CallAsync(runner, resource, dialect, call, open, progress, cancellationToken).ConfigureAwait(false);
            }
            else if (Waiter(runner, resource) is { } waiter)
            {
                // Only the main path resumes a task, so the newest TaskSubmitted is this task's.
                if (execution.Snapshot().History.LastOrDefault(e => e.Type == "TaskSubmitted")?.Details?["output"]?.GetValue<string>() is { } submitted)
                {
                    Wait(waiter, resource, submitted, open);
                }
                else
                {
                    open.TryClose(new TaskOutcome.Failed(new Failure(StatesErrors.Runtime, "The started job of this task is not in the stored history; it cannot be waited on after the restart.")));
                }
            }
            execution.Idle.Park(open.Completion);
            return Close(resource, dialect, await open.Completion.ConfigureAwait(false), progress);
        }
        finally
        {
            execution.RemoveOpenTask(open);
        }
    }

    /// <summary>Makes the call; its outcome closes the task, or (a callback's successful call) writes TaskSubmitted and the task waits for its token.</summary>
    private async Task<TaskCheckpoint?> CallAsync(ITaskRunner runner, TaskResource resource, TaskHistoryDialect dialect, Func<CancellationToken, Task<TaskOutcome>> call,
        OpenTask open, TaskCheckpoint? progress, CancellationToken cancellationToken)
    {
        var waiter = Waiter(runner, resource);
        var callback = resource.Pattern == IntegrationPattern.WaitForTaskToken || waiter is not null;
        var calling = call(cancellationToken);
        var first = await Task.WhenAny(calling, open.Completion).ConfigureAwait(false);
        // A callback may answer before the call returns (the token is valid from TaskScheduled); the call is still
        // awaited then so TaskSubmitted precedes TaskSucceeded/TaskFailed, as on AWS. A timeout or a stop does not wait.
        var answeredEarly = first != calling && callback && open.Completion.Result is TaskOutcome.Succeeded or TaskOutcome.Failed;
        if (first != calling && !answeredEarly)
        {
            return progress;
        }
        var outcome = await calling.ConfigureAwait(false);
        if (callback && outcome is TaskOutcome.Succeeded submitted && dialect.Submitted is { } type)
        {
            progress = progress is null ? null : progress with { Phase = TaskPhase.Submitted };
            if (waiter is not null)
            {
                // Before TaskSubmitted, which throws once the execution was stopped: the wait then stops the job it
                // started. A job that ends at once only closes the task; its closing event still follows TaskSubmitted.
                Wait(waiter, resource, submitted.Output, open);
            }
            Append(type, Events.Data("output", submitted.Output, dialect.Names(resource)), progress);
        }
        else if (!callback || outcome is not TaskOutcome.Succeeded)
        {
            open.TryClose(outcome);
        }
        return progress;
    }

    private JsonNode? Close(TaskResource resource, TaskHistoryDialect dialect, TaskOutcome outcome, TaskCheckpoint? progress)
    {
        var names = dialect.Names(resource);
        switch (outcome)
        {
            case TaskOutcome.Succeeded s:
                Append(dialect.Succeeded, Events.Data("output", s.Output, names), TaskScheduling.Closed(progress, outcome));
                return JsonNode.Parse(s.Output);
            case TaskOutcome.Failed f:
                Append(dialect.Failed, Events.Error(f.Failure.Error, f.Failure.Cause, names), TaskScheduling.Closed(progress, outcome));
                throw new StatesFailureException(f.Failure);
            case TaskOutcome.TimedOut t:
                Append(dialect.TimedOut, Events.Error(t.Failure.Error, t.Failure.Cause, names), TaskScheduling.Closed(progress, outcome));
                throw new StatesFailureException(t.Failure);
            default:
                throw new OperationCanceledException();
        }
    }

    /// <summary>The runner that waits for a ".sync" job to end, or null (the task ends with its call or its token).</summary>
    private static IWaitingTaskRunner? Waiter(ITaskRunner runner, TaskResource resource)
        => resource.Pattern == IntegrationPattern.Sync ? runner as IWaitingTaskRunner : null;

    /// <summary>Waits for the job in the background; the wait's first step runs here, before the execution parks.</summary>
    private void Wait(IWaitingTaskRunner waiter, TaskResource resource, string submitted, OpenTask open)
        => _ = WaitAsync(waiter, resource, submitted, open);

    private async Task WaitAsync(IWaitingTaskRunner waiter, TaskResource resource, string submitted, OpenTask open)
    {
        try
        {
            await waiter.WaitAsync(resource, submitted, env, execution, open).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            open.TryClose(new TaskOutcome.Failed(new Failure(StatesErrors.Runtime, e.Message)));
        }
    }

    private void Append(string type, JsonObject details, TaskCheckpoint? progress, string? token = null)
        => execution.Append(type, TaskHistoryDialect.Member(type), details, scope.At(progress), token);
}
