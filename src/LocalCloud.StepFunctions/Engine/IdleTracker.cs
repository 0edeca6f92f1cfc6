namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// Whether every strand of an execution's runner (the main path, plus each Parallel branch or Map worker
/// running at once) is parked on a timer or a callback, so tests can step a FakeTimeProvider deterministically.
/// Each change and the completion that causes it happen in one atomic step, so a waiter never sees a half-done join.
/// </summary>
public sealed class IdleTracker
{
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _parked = [];
    private readonly List<TaskCompletionSource> _waiters = [];
    private int _strands = 1;
    private bool _ended;

    /// <summary>Resumes a parked strand: completes what it waits on and marks it busy, atomically.</summary>
    public void Wake(Action complete)
    {
        lock (_gate)
        {
            complete();
            _parked.RemoveWhere(t => t.IsCompleted);
        }
    }

    /// <summary>A strand is about to await <paramref name="awaited"/>; it is parked unless that is already done.</summary>
    public void Park(Task awaited)
    {
        lock (_gate)
        {
            if (!awaited.IsCompleted && _parked.Add(awaited) && IsIdle)
            {
                Release();
            }
        }
    }

    /// <summary>Parallel branches or Map workers start: each is a strand that must park before the execution is idle.</summary>
    public void AddStrands(int count)
    {
        lock (_gate)
        {
            _strands += count;
        }
    }

    /// <summary>A branch or worker ended; <paramref name="complete"/> (the join) runs in the same atomic step.</summary>
    public void EndStrand(Action complete)
    {
        lock (_gate)
        {
            _strands--;
            complete();
            _parked.RemoveWhere(t => t.IsCompleted);
            if (IsIdle)
            {
                Release();
            }
        }
    }

    /// <summary>The execution ended or was detached: it is idle for good.</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            Release();
        }
    }

    /// <summary>Completes when every strand waits on a timer or a callback, or the execution has ended.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (IsIdle)
            {
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add(waiter);
            return waiter.Task;
        }
    }

    private bool IsIdle => _ended || _parked.Count >= _strands;

    private void Release()
    {
        foreach (var waiter in _waiters)
        {
            waiter.TrySetResult();
        }
        _waiters.Clear();
    }
}
