using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// One execution's state. Every change (history, status) happens under one lock, and nothing is
/// appended after the terminal event, so a stop, a timeout and the runner cannot interleave wrongly.
/// It also tracks whether the runner is parked (waiting on a timer or a callback) so tests can step
/// a FakeTimeProvider deterministically.
/// </summary>
public sealed class Execution : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<HistoryEvent> _history = [];
    private readonly TaskCompletionSource<ExecutionSnapshot> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private readonly TimeProvider _time;
    private bool _parked;
    private OpenTask? _currentTask;

    public Execution(string arn, string name, StateMachineVersion machine, string input, RequestContext context, TimeProvider time)
    {
        Arn = arn;
        Name = name;
        Machine = machine;
        Input = input;
        Context = context;
        _time = time;
        StartDate = time.GetUtcNow();
    }

    public string Arn { get; }

    public string Name { get; }

    public StateMachineVersion Machine { get; }

    public string Input { get; }

    public RequestContext Context { get; }

    public DateTimeOffset StartDate { get; }

    public string Status { get; private set; } = ExecutionStatus.Running;

    public DateTimeOffset? StopDate { get; private set; }

    public CancellationToken Stopping => _stopping.Token;

    public Task<ExecutionSnapshot> Finished => _finished.Task;

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return Status == ExecutionStatus.Running;
            }
        }
    }

    /// <summary>Appends an event; false once the execution has ended (the runner then stops).</summary>
    public bool AddEvent(string type, string? detailsMember = null, JsonObject? details = null)
    {
        lock (_gate)
        {
            if (Status != ExecutionStatus.Running)
            {
                return false;
            }
            Append(type, detailsMember, details);
            return true;
        }
    }

    /// <summary>Ends the execution once: the first of runner, StopExecution or the execution timeout wins.</summary>
    public bool TryFinish(string status, string eventType, string detailsMember, JsonObject details, string? output = null, string? error = null, string? cause = null)
    {
        OpenTask? task;
        lock (_gate)
        {
            if (Status != ExecutionStatus.Running)
            {
                return false;
            }
            Status = status;
            StopDate = _time.GetUtcNow();
            Output = output;
            Error = error;
            Cause = cause;
            Append(eventType, detailsMember, details);
            task = _currentTask;
            _parked = true;
            ReleaseIdleWaiters();
        }
        task?.TryClose(new TaskOutcome.Aborted());
        _stopping.Cancel();
        _finished.TrySetResult(Snapshot());
        return true;
    }

    public string? Output { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    public void SetCurrentTask(OpenTask? task)
    {
        lock (_gate)
        {
            _currentTask = task;
        }
    }

    public ExecutionSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new ExecutionSnapshot(Arn, Machine.Arn, Name, Status, StartDate, StopDate, Input, Output, Error, Cause, _history.ToList());
        }
    }

    /// <summary>Resumes a parked runner: marks it busy and completes what it waits on, atomically.</summary>
    public void Wake(Action complete)
    {
        lock (_gate)
        {
            _parked = Status != ExecutionStatus.Running;
            complete();
        }
    }

    /// <summary>The runner is about to await <paramref name="awaited"/>; it is parked unless that is already done.</summary>
    public void Park(Task awaited)
    {
        lock (_gate)
        {
            if (!awaited.IsCompleted)
            {
                _parked = true;
                ReleaseIdleWaiters();
            }
        }
    }

    public void MarkBusy()
    {
        lock (_gate)
        {
            _parked = Status != ExecutionStatus.Running;
        }
    }

    /// <summary>Completes when the runner waits on a timer or a callback, or the execution has ended.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_parked)
            {
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    public void Dispose() => _stopping.Dispose();

    private void ReleaseIdleWaiters()
    {
        foreach (var waiter in _idleWaiters)
        {
            waiter.TrySetResult();
        }
        _idleWaiters.Clear();
    }

    private void Append(string type, string? detailsMember, JsonObject? details)
    {
        var id = _history.Count + 1;
        _history.Add(new HistoryEvent(id, id - 1, _time.GetUtcNow(), type, detailsMember, details));
    }
}
