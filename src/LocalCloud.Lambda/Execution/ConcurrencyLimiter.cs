namespace LocalCloud.Lambda.Execution;

/// <summary>
/// Invocations in flight per function, checked against its reserved concurrency
/// (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html). Synchronous callers that find no
/// room are throttled; queued Event invocations wait on <see cref="Changed"/> for a slot or a new limit.
/// </summary>
internal sealed class ConcurrencyLimiter
{
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes the next time a slot frees or a limit changes.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Takes a slot unless <paramref name="reserved"/> (null = no reservation) is already reached.</summary>
    public bool TryAcquire(string functionArn, int? reserved)
    {
        lock (_lock)
        {
            var running = _running.GetValueOrDefault(functionArn);
            if (reserved is { } limit && running >= limit)
            {
                return false;
            }
            _running[functionArn] = running + 1;
            return true;
        }
    }

    public void Release(string functionArn)
    {
        lock (_lock)
        {
            var running = _running.GetValueOrDefault(functionArn) - 1;
            if (running <= 0)
            {
                _running.Remove(functionArn);
            }
            else
            {
                _running[functionArn] = running;
            }
        }
        Signal();
    }

    public int Running(string functionArn)
    {
        lock (_lock)
        {
            return _running.GetValueOrDefault(functionArn);
        }
    }

    /// <summary>A reservation was put or deleted: waiting events look again.</summary>
    public void Signal()
    {
        TaskCompletionSource fired;
        lock (_lock)
        {
            fired = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        fired.TrySetResult();
    }
}
