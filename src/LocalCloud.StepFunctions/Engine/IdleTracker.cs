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
    private readonly List<Follower> _followers = [];
    private int _busyFollowed;

    /// <summary>Resumes a parked strand: completes what it waits on and marks it busy, atomically.</summary>
    public void Wake(Action complete)
    {
        lock (_gate)
        {
            complete();
            _parked.RemoveWhere(t => t.IsCompleted);
            Notify();
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
            Notify();
        }
    }

    /// <summary>Parallel branches or Map workers start: each is a strand that must park before the execution is idle.</summary>
    public void AddStrands(int count)
    {
        lock (_gate)
        {
            _strands += count;
            Notify();
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
            Notify();
        }
    }

    /// <summary>The execution ended or was detached: it is idle for good.</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            Release();
            Notify();
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

    private bool IsIdle => _ended || (_parked.Count >= _strands && _busyFollowed == 0);

    /// <summary>
    /// A ".sync" task of this execution waits on another execution (<paramref name="followed"/>): until the returned
    /// link is disposed this one is idle only while that one waits too, so a test stepping the clock never steps it
    /// while the child still works. A child that has ended keeps the link busy: the task it ends is about to close.
    /// </summary>
    public IDisposable Follow(IdleTracker followed)
    {
        ArgumentNullException.ThrowIfNull(followed);
        var link = new Follower(followed, this);
        lock (followed._gate)
        {
            followed._followers.Add(link);
            link.Set(followed.IsBusyForFollowers);
        }
        return link;
    }

    // Locks go from the followed tracker to its followers only (a child's before its parent's), never back.
    private bool IsBusyForFollowers => _ended || _parked.Count < _strands || _busyFollowed > 0;

    private void Notify()
    {
        foreach (var link in _followers)
        {
            link.Set(IsBusyForFollowers);
        }
    }

    private void FollowedChanged(int delta)
    {
        lock (_gate)
        {
            _busyFollowed += delta;
            if (IsIdle)
            {
                Release();
            }
            Notify();
        }
    }

    private sealed class Follower(IdleTracker followed, IdleTracker follower) : IDisposable
    {
        private bool _busy;

        public void Set(bool busy)
        {
            if (busy != _busy)
            {
                _busy = busy;
                follower.FollowedChanged(busy ? 1 : -1);
            }
        }

        public void Dispose()
        {
            lock (followed._gate)
            {
                if (followed._followers.Remove(this))
                {
                    Set(false);
                }
            }
        }
    }

    private void Release()
    {
        foreach (var waiter in _waiters)
        {
            waiter.TrySetResult();
        }
        _waiters.Clear();
    }
}
