using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using LocalCloud.StepFunctions.Engine.Tokens;
using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// Reads executions and their histories back from the durable store. Finished ones come back as they ended;
/// each running one gets its resume point, with the task it waited on re-opened here, before any request is
/// served: its token (the same one) answers callbacks and its timers run on with what was left of them.
/// Every other token found in a history is known as closed, so a late callback gets TaskTimedOut.
/// </summary>
internal sealed class ExecutionRecovery(IDurableStore store, ExecutionRegistry executions, EngineEnvironment engine, ILogger logger)
{
    private TimeProvider Time => engine.Time;

    public List<(Execution Execution, ResumePoint? Resume)> Load(IReadOnlyDictionary<string, StateMachineVersion> versions)
    {
        var histories = new Dictionary<string, List<HistoryEvent>>(StringComparer.Ordinal);
        foreach (var (key, e) in DurableReader.Read(store, StatesCollections.History, DurableJson.Default.HistoryDocument, d => d.V, logger))
        {
            var arn = key[..key.LastIndexOf('/')];
            if (!histories.TryGetValue(arn, out var history))
            {
                histories[arn] = history = [];
            }
            history.Add(e.ToEvent());
            if (e.Token is not null)
            {
                engine.Tokens.RegisterClosed(e.Token, arn);
            }
        }
        var checkpoints = DurableReader.Read(store, StatesCollections.Checkpoints, DurableJson.Default.Checkpoint, d => d.V, logger)
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        var callbacks = DurableReader.Read(store, StatesCollections.Callbacks, DurableJson.Default.CallbackDocument, d => d.V, logger)
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

        var running = new List<(Execution, ResumePoint?)>();
        foreach (var (arn, stored) in DurableReader.Read(store, StatesCollections.Executions, DurableJson.Default.ExecutionDocument, d => d.V, logger))
        {
            var version = versions.GetValueOrDefault(stored.Version)
                ?? new StateMachineVersion(stored.StateMachineArn, stored.StateMachineArn[(stored.StateMachineArn.LastIndexOf(':') + 1)..], string.Empty,
                    new Asl.Definition.StateMachineDefinition(string.Empty, new Dictionary<string, Asl.States.State>(), null, null));
            var execution = executions.GetOrAdd(Execution.Restore(stored.Arn, stored.Name, version, stored.Input,
                new RequestContext(stored.AccountId, stored.Region, stored.RequestId), stored.StartDate, stored.Result(),
                histories.GetValueOrDefault(arn) ?? [], Time, new ExecutionJournal(store, arn)));
            if (stored.Status != ExecutionStatus.Running)
            {
                continue;
            }
            var checkpoint = checkpoints.GetValueOrDefault(arn);
            var history = histories.GetValueOrDefault(arn);
            // An empty graph: the version is missing or its definition no longer parses.
            if ((checkpoint is null && history is { Count: > 0 }) || version.Definition.States.Count == 0)
            {
                CannotResume(execution);
                continue;
            }
            // No checkpoint and no history: stopped between StartExecution's answer and the first event; it starts now.
            running.Add((execution, checkpoint is null ? null : new ResumePoint(checkpoint, Reopen(execution, checkpoint, callbacks.GetValueOrDefault(arn)))));
        }
        return running;
    }

    /// <summary>The task the checkpoint waits on, open again with its token, timers and any callback acknowledged meanwhile.</summary>
    private OpenTask? Reopen(Execution execution, Checkpoint checkpoint, CallbackDocument? callback)
    {
        if (checkpoint.Task is not { Phase: not TaskPhase.Closed } task)
        {
            return null;
        }
        var open = new OpenTask(execution, task.Token);
        engine.Tokens.Register(open);
        execution.AddOpenTask(open);
        var acknowledged = callback is not null && callback.Token == task.Token ? callback : null;
        if (acknowledged?.Outcome is { } outcome)
        {
            // SendTaskSuccess/Failure answered before the runner wrote it down: it still counts.
            open.TryClose(outcome.ToOutcome());
            return open;
        }
        if (task.Phase != TaskPhase.Scheduled)
        {
            var now = Time.GetUtcNow();
            var heartbeatAt = acknowledged?.HeartbeatAt ?? task.HeartbeatAt;
            open.StartTimers(Time, task.TimeoutAt - now, task.HeartbeatSeconds is { } h ? TimeSpan.FromSeconds(h) : null, heartbeatAt - now);
        }
        if (task.Token is not null)
        {
            open.Journal = execution.Journal;
        }
        return open;
    }

    private void CannotResume(Execution execution)
    {
        const string cause = "LocalCloud could not resume this execution after a restart: its stored state is incomplete or its definition no longer parses.";
        logger.LogWarning("Execution {ExecutionArn} cannot resume; it fails", execution.Arn);
        execution.Fail(StatesErrors.Runtime, cause);
    }
}
