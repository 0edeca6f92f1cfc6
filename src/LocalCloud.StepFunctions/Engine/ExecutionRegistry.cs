using System.Collections.Concurrent;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// Executions by ARN, kept after they end so Describe/History/List still answer, within <see cref="ExecutionRetention"/>:
/// past its age or count the oldest finished execution is forgotten, with its task tokens and its stored records.
/// </summary>
public sealed class ExecutionRegistry(TimeProvider time, TaskTokenRegistry tokens, ExecutionRetention? retention = null)
{
    private readonly ConcurrentDictionary<string, Execution> _executions = new(StringComparer.Ordinal);
    // Ordered by stop date, then by the order they finished in: executions that stop at the same instant (a fake clock
    // stops them all at one) must still leave oldest first, and a heap alone does not keep ties in order.
    private readonly PriorityQueue<Execution, (DateTimeOffset Stopped, long Sequence)> _finished = new();
    private long _sequence;
    private readonly Lock _gate = new();
    private readonly ExecutionRetention _retention = retention ?? ExecutionRetention.Default;

    /// <summary>
    /// Each history event of every execution held here, as it is appended (the console's live view). Raised under that
    /// execution's lock, in history order: a handler must only hand the event off, never block or call the execution back.
    /// </summary>
    public event Action<Execution, HistoryEvent>? HistoryAppended;

    /// <summary>
    /// Retention forgot a finished execution (after its own records went): what other components keep about it (the
    /// version it ran, its Map Runs) must go too, or they would outgrow the cap retention keeps the registry at.
    /// </summary>
    public event Action<Execution>? Forgotten;

    public Execution GetOrAdd(Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var stored = _executions.GetOrAdd(execution.Arn, execution);
        if (ReferenceEquals(stored, execution))
        {
            execution.OnAppended((e, appended) => HistoryAppended?.Invoke(e, appended));
            execution.OnEnded(Retire);
        }
        Trim();
        return stored;
    }

    public Execution? Find(string arn)
    {
        Trim();
        return _executions.TryGetValue(arn, out var execution) ? execution : null;
    }

    /// <summary>Newest first, as ListExecutions orders them.</summary>
    public IReadOnlyList<Execution> ForStateMachine(string stateMachineArn)
    {
        Trim();
        return _executions.Values.Where(e => e.Machine.Arn == stateMachineArn)
            .OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Name, StringComparer.Ordinal).ToList();
    }

    public IEnumerable<Execution> All => _executions.Values;

    /// <summary>Executions held in memory, running and finished.</summary>
    public int Count => _executions.Count;

    private void Retire(Execution execution)
    {
        lock (_gate)
        {
            _finished.Enqueue(execution, (execution.StopDate ?? execution.StartDate, _sequence++));
        }
        Trim();
    }

    /// <summary>Forgets the oldest finished executions until both the count and the age fit.</summary>
    private void Trim()
    {
        var oldestKept = time.GetUtcNow() - _retention.MaxAge;
        while (true)
        {
            Execution oldest;
            lock (_gate)
            {
                if (!_finished.TryPeek(out oldest!, out var priority) || (_finished.Count <= _retention.MaxFinished && priority.Stopped >= oldestKept))
                {
                    return;
                }
                _finished.Dequeue();
                if (oldest.StopDate != priority.Stopped)
                {
                    // Redriven since it was queued: running again, or queued anew with its new stop date.
                    continue;
                }
            }
            _executions.TryRemove(new KeyValuePair<string, Execution>(oldest.Arn, oldest));
            tokens.Forget(oldest.Arn);
            oldest.Forget();
            Forgotten?.Invoke(oldest);
        }
    }
}
