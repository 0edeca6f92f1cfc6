using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Engine.Checkpoints;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// One execution's history events, written to its journal (when the store is durable) before they are
/// visible, and bounded as AWS bounds it. Not thread-safe: the execution calls it under its own lock.
/// </summary>
public sealed class ExecutionHistory(TimeProvider time, IExecutionJournal? journal)
{
    /// <summary><see cref="StepFunctionsLimits.MaxHistoryEvents"/>: the next one fails the execution.</summary>
    public const int MaxEvents = StepFunctionsLimits.MaxHistoryEvents;

    private readonly List<HistoryEvent> _events = [];

    /// <summary>Null unless the store is durable: the hot path then checks one field and serialises nothing.</summary>
    public IExecutionJournal? Journal { get; } = journal;

    /// <summary>True when only the terminal event still fits: the one that fails the execution for its size.</summary>
    public bool IsFull => _events.Count >= MaxEvents - 1;

    /// <summary>The id of the newest event (ids count from 1).</summary>
    public long LastId => _events.Count;

    /// <summary>Told of each event once it is in the history, under the execution's lock: it must only hand the event off.</summary>
    public Action<HistoryEvent>? Appended { get; set; }

    public void Restore(IEnumerable<HistoryEvent> events) => _events.AddRange(events);

    /// <summary>Adds an event (journaled first, with the <paramref name="checkpoint"/> it reached and the task <paramref name="token"/> it minted).</summary>
    public HistoryEvent Add(string type, string? detailsMember, JsonObject? details, Checkpoint? checkpoint = null, string? token = null)
        => Add(Next(type, detailsMember, details), checkpoint, token);

    /// <summary>As above, with details kept as their parts until read.</summary>
    public HistoryEvent Add(string type, string detailsMember, EventDetails details, Checkpoint? checkpoint = null)
    {
        var (id, previous) = NextIds();
        return Add(new HistoryEvent(id, previous, time.GetUtcNow(), type, detailsMember, details), checkpoint, null);
    }

    private HistoryEvent Add(HistoryEvent e, Checkpoint? checkpoint, string? token)
    {
        Journal?.Appended(e, token, checkpoint);
        _events.Add(e);
        Appended?.Invoke(e);
        return e;
    }

    /// <summary>The terminal event, written with the execution's final record in one journal write.</summary>
    public ExecutionResult AddTerminal(Execution execution, string type, string detailsMember, JsonObject details, Func<DateTimeOffset, ExecutionResult> result)
    {
        var e = Next(type, detailsMember, details);
        var ending = result(e.Timestamp);
        Journal?.Finished(execution, ending, e);
        _events.Add(e);
        Appended?.Invoke(e);
        return ending;
    }

    /// <summary>ExecutionRedriven: written with the execution RUNNING again and where it restarts, in one journal write.</summary>
    public HistoryEvent AddRedriven(Execution execution, JsonObject details, Checkpoint checkpoint)
    {
        var e = Next("ExecutionRedriven", "executionRedrivenEventDetails", details);
        Journal?.Redriven(execution, e, checkpoint);
        _events.Add(e);
        Appended?.Invoke(e);
        return e;
    }

    public List<HistoryEvent> ToList() => [.. _events];

    private HistoryEvent Next(string type, string? detailsMember, JsonObject? details)
    {
        var (id, previous) = NextIds();
        return new HistoryEvent(id, previous, time.GetUtcNow(), type, detailsMember, details);
    }

    private (long Id, long Previous) NextIds()
    {
        var id = _events.Count + 1;
        var lane = EventLane.Current;
        var previous = lane?.Last ?? id - 1;
        lane?.Last = id;
        return (id, previous);
    }
}
