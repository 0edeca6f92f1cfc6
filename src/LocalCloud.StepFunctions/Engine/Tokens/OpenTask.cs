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
    private TimeProvider? _time;
    private ITimer? _timeout;
    private ITimer? _heartbeat;
    private TimeSpan _heartbeatInterval;
    private DateTimeOffset? _heartbeatDeadline;
    private int _closed;

    public OpenTask(Execution execution, string? token)
    {
        _execution = execution;
        Token = token;
    }

    public string? Token { get; }

    public Execution Execution => _execution;

    /// <summary>
    /// Set for the callback task on an execution's main path when the store is durable: heartbeats and
    /// SendTaskSuccess/Failure are then written before they are acknowledged, so a restart still honours them.
    /// </summary>
    public IExecutionJournal? Journal { get; set; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Runs inside the close's atomic wake: an activity task still queued stops waiting for a worker in the same step.</summary>
    public Action? Closing { get; set; }

    /// <summary>When the task fails with States.HeartbeatTimeout unless a heartbeat comes first (null: no HeartbeatSeconds).</summary>
    public DateTimeOffset? HeartbeatDeadline
    {
        get
        {
            lock (_timersGate)
            {
                return _heartbeatDeadline;
            }
        }
    }

    public Task<TaskOutcome> Completion => _outcome.Task;

    public bool TryClose(TaskOutcome outcome)
    {
        if (Interlocked.CompareExchange(ref _closed, 1, 0) != 0)
        {
            return false;
        }
        try
        {
            if (Journal is { } journal && Token is not null && outcome is TaskOutcome.Succeeded or TaskOutcome.Failed)
            {
                // Under the timers' lock so a heartbeat written concurrently can never land after (and hide) the outcome.
                lock (_timersGate)
                {
                    journal.Answered(Token, outcome);
                }
            }
        }
        finally
        {
            Dispose();
            _execution.Idle.Wake(() =>
            {
                _outcome.TrySetResult(outcome);
                Closing?.Invoke();
            });
        }
        return true;
    }

    /// <summary>
    /// Arms TimeoutSeconds and HeartbeatSeconds. <paramref name="firstHeartbeat"/> is what is left of the heartbeat
    /// period when a restart re-arms it; later heartbeats restart the full <paramref name="heartbeat"/>.
    /// </summary>
    public void StartTimers(TimeProvider time, TimeSpan? timeout, TimeSpan? heartbeat, TimeSpan? firstHeartbeat = null)
    {
        lock (_timersGate)
        {
            if (IsClosed)
            {
                return;
            }
            _time = time;
            _heartbeatInterval = heartbeat ?? TimeSpan.Zero;
            var heartbeatDue = firstHeartbeat ?? heartbeat;
            // After a restart both deadlines may have passed: the one that passed first wins, as it would have.
            if (heartbeatDue < timeout)
            {
                StartHeartbeat(time, heartbeatDue);
                StartTimeout(time, timeout);
            }
            else
            {
                StartTimeout(time, timeout);
                StartHeartbeat(time, heartbeatDue);
            }
        }
    }

    // A timer whose deadline passed while LocalCloud was down fires at once, possibly inside CreateTimer.
    private void StartTimeout(TimeProvider time, TimeSpan? due)
    {
        if (due is { } t && !IsClosed)
        {
            _timeout = time.CreateTimer(_ => TryClose(new TaskOutcome.TimedOut(new Asl.Failure(Asl.StatesErrors.Timeout, null))), null,
                NotNegative(t), Timeout.InfiniteTimeSpan);
        }
    }

    private void StartHeartbeat(TimeProvider time, TimeSpan? due)
    {
        if (due is { } h && !IsClosed)
        {
            _heartbeatDeadline = time.GetUtcNow() + NotNegative(h);
            _heartbeat = time.CreateTimer(_ => TryClose(new TaskOutcome.TimedOut(new Asl.Failure(Asl.StatesErrors.HeartbeatTimeout, null))), null,
                NotNegative(h), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>SendTaskHeartbeat: the heartbeat clock starts again.</summary>
    public void Heartbeat()
    {
        lock (_timersGate)
        {
            if (_heartbeat is null || IsClosed)
            {
                return;
            }
            _heartbeat.Change(_heartbeatInterval, Timeout.InfiniteTimeSpan);
            _heartbeatDeadline = _time?.GetUtcNow() + _heartbeatInterval;
            if (Journal is { } journal && Token is not null && _time is not null)
            {
                journal.Heartbeat(Token, _time.GetUtcNow() + _heartbeatInterval);
            }
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

    private static TimeSpan NotNegative(TimeSpan due) => due < TimeSpan.Zero ? TimeSpan.Zero : due;
}
