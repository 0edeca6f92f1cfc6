using LocalCloud.StepFunctions.Engine.Checkpoints;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// Where an execution writes itself when the store is durable (Persistence/ExecutionJournal). Callers hold the
/// execution's lock, which keeps the writes in history order; each returns only once its write is durable.
/// </summary>
public interface IExecutionJournal
{
    /// <summary>The record a restart finds first; StartExecution answers only after it.</summary>
    void Started(Execution execution);

    /// <summary>An event, and where the main path stands after it when the event moved it (one atomic write).</summary>
    void Appended(HistoryEvent e, string? token, Checkpoint? checkpoint);

    /// <summary>The main path moved without an event (a retry's wait).</summary>
    void Moved(Checkpoint checkpoint);

    /// <summary>The terminal event and the final record; the execution no longer resumes.</summary>
    void Finished(Execution execution, ExecutionResult result, HistoryEvent terminal);

    /// <summary>Retention forgot the finished execution: its record and its history are deleted.</summary>
    void Forgotten();

    /// <summary>SendTaskHeartbeat moved the waiting task's heartbeat deadline.</summary>
    void Heartbeat(string token, DateTimeOffset heartbeatAt);

    /// <summary>SendTaskSuccess/SendTaskFailure closed the waiting task; kept before the call answers.</summary>
    void Answered(string token, TaskOutcome outcome);

    /// <summary>RedriveExecution: the ExecutionRedriven event, the execution RUNNING again and its restart checkpoint, at once.</summary>
    void Redriven(Execution execution, HistoryEvent e, Checkpoint checkpoint);
}
