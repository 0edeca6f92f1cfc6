using System.Text.Json;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Checkpoints;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// Writes one execution to the durable store. An execution has one only when the store is durable, so the
/// in-memory default never serialises anything. Callers hold the execution's lock, which keeps the writes in
/// history order; each returns only once its write is durable.
/// </summary>
public sealed class ExecutionJournal(IDurableStore store, string executionArn) : IExecutionJournal
{
    public void Started(Execution execution)
        => store.Write([new DurableChange.Put(StatesCollections.Executions, executionArn,
            JsonSerializer.Serialize(ExecutionDocument.From(execution, null), DurableJson.Default.ExecutionDocument))]);

    public void Appended(HistoryEvent e, string? token, Checkpoint? checkpoint)
    {
        var history = PutEvent(e, token);
        store.Write(checkpoint is null ? [history] : [history, PutCheckpoint(checkpoint)]);
    }

    public void Moved(Checkpoint checkpoint) => store.Write([PutCheckpoint(checkpoint)]);

    public void Finished(Execution execution, ExecutionResult result, HistoryEvent terminal)
    {
        List<DurableChange> changes =
        [
            PutEvent(terminal, null),
            new DurableChange.Put(StatesCollections.Executions, executionArn,
                JsonSerializer.Serialize(ExecutionDocument.From(execution, result), DurableJson.Default.ExecutionDocument)),
            new DurableChange.Delete(StatesCollections.Checkpoints, executionArn),
            new DurableChange.Delete(StatesCollections.Callbacks, executionArn),
        ];
        // Only an execution that can be redriven, or was, has anything to keep: a plain success writes nothing more.
        if (result.Status != ExecutionStatus.Succeeded || execution.RedriveCount > 0)
        {
            changes.Add(RedriveDocument.Put(executionArn, execution.RedriveRecord));
        }
        store.Write(changes);
    }

    public void Forgotten()
        => store.Write(
        [
            new DurableChange.Delete(StatesCollections.Executions, executionArn),
            // Execution names cannot contain '/', so this prefix is this execution's events only.
            new DurableChange.DeletePrefix(StatesCollections.History, executionArn + "/"),
            new DurableChange.Delete(StatesCollections.Checkpoints, executionArn),
            new DurableChange.Delete(StatesCollections.Callbacks, executionArn),
            RedriveDocument.Delete(executionArn),
            new DurableChange.Delete(VersionCollections.Executions, executionArn),
        ]);

    public void Heartbeat(string token, DateTimeOffset heartbeatAt) => PutCallback(new CallbackDocument(token, heartbeatAt, null));

    public void Answered(string token, TaskOutcome outcome)
    {
        if (TaskOutcomeRecord.From(outcome) is { } record)
        {
            PutCallback(new CallbackDocument(token, null, record));
        }
    }

    public void Redriven(Execution execution, HistoryEvent e, Checkpoint checkpoint)
        => store.Write(
        [
            PutEvent(e, null),
            PutCheckpoint(checkpoint),
            new DurableChange.Put(StatesCollections.Executions, executionArn,
                JsonSerializer.Serialize(ExecutionDocument.From(execution, null), DurableJson.Default.ExecutionDocument)),
            RedriveDocument.Put(executionArn, execution.RedriveRecord),
        ]);

    private void PutCallback(CallbackDocument callback)
        => store.Write([new DurableChange.Put(StatesCollections.Callbacks, executionArn, JsonSerializer.Serialize(callback, DurableJson.Default.CallbackDocument))]);

    private DurableChange.Put PutEvent(HistoryEvent e, string? token)
        => new(StatesCollections.History, StatesCollections.HistoryKey(executionArn, e.Id), JsonSerializer.Serialize(HistoryDocument.From(e, token), DurableJson.Default.HistoryDocument));

    private DurableChange.Put PutCheckpoint(Checkpoint checkpoint)
        => new(StatesCollections.Checkpoints, executionArn, JsonSerializer.Serialize(checkpoint, DurableJson.Default.Checkpoint));
}
