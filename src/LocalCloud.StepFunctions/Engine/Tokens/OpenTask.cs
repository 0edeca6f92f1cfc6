namespace LocalCloud.StepFunctions.Engine.Tokens;

/// <summary>
/// A task an execution waits on. It closes exactly once (success, failure, timeout or abort): the
/// close is an atomic compare-and-swap, so a duplicate or late callback can never advance the
/// execution twice, and the execution is woken by the single winner.
/// </summary>
public sealed class OpenTask : IDisposable
{
    private readonly Execution _execution;
    private readonly TaskCompletionSource<TaskOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _timersGate = new();
    private ITimer? _timeout;
    private ITimer? _heartbeat;
    private TimeSpan _heartbeatInterval;
    private int _closed;

    public OpenTask(Execution execution, string? token)
    {
        _execution = execution;
        Token = token;
    }

    public string? Token { get; }

    public Execution Execution => _execution;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public Task<TaskOutcome> Completion => _outcome.Task;

    public bool TryClose(TaskOutcome outcome)
    {
        if (Interlocked.CompareExchange(ref _closed, 1, 0) != 0)
        {
            return false;
        }
        Dispose();
        _execution.Wake(() => _outcome.TrySetResult(outcome));
        return true;
    }

    public void StartTimers(TimeProvider time, TimeSpan? timeout, TimeSpan? heartbeat)
    {
        lock (_timersGate)
        {
            if (IsClosed)
            {
                return;
            }
            if (timeout is { } t)
            {
                _timeout = time.CreateTimer(_ => TryClose(new TaskOutcome.TimedOut(new Asl.Failure(Asl.StatesErrors.Timeout, null))), null, t, Timeout.InfiniteTimeSpan);
            }
            if (heartbeat is { } h)
            {
                _heartbeatInterval = h;
                _heartbeat = time.CreateTimer(_ => TryClose(new TaskOutcome.TimedOut(new Asl.Failure(Asl.StatesErrors.HeartbeatTimeout, null))), null, h, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>SendTaskHeartbeat: the heartbeat clock starts again.</summary>
    public void Heartbeat()
    {
        lock (_timersGate)
        {
            _heartbeat?.Change(_heartbeatInterval, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_timersGate)
        {
            _timeout?.Dispose();
            _heartbeat?.Dispose();
            _timeout = null;
            _heartbeat = null;
        }
    }
}
