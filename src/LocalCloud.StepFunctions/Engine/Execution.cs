using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// One execution's state. Every change (history, status) happens under one lock, and nothing is
/// appended after the terminal event, so a stop, a timeout and the runner cannot interleave wrongly.
/// It also tracks whether every strand of the runner (the main path, plus each Parallel branch or Map
/// worker running at once) is parked on a timer or a callback, so tests can step a FakeTimeProvider
/// deterministically. AWS allows 25,000 history events; the next one fails the execution.
/// </summary>
public sealed class Execution : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<HistoryEvent> _history = [];
    private readonly TaskCompletionSource<ExecutionSnapshot> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private readonly TimeProvider _time;
    private readonly HashSet<Task> _parked = [];
    private readonly HashSet<OpenTask> _openTasks = [];
    private int _strands = 1;

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

    /// <summary>https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html: 25,000 events per execution history.</summary>
    public const int MaxHistoryEvents = 25_000;

    /// <summary>Appends an event; false once the execution has ended (the runner then stops).</summary>
    public bool AddEvent(string type, string? detailsMember = null, JsonObject? details = null)
    {
        lock (_gate)
        {
            if (Status != ExecutionStatus.Running)
            {
                return false;
            }
            if (_history.Count < MaxHistoryEvents - 1)
            {
                Append(type, detailsMember, details);
                return true;
            }
        }
        const string cause = "The execution reached the maximum number of history events (25000).";
        TryFinish(ExecutionStatus.Failed, "ExecutionFailed", "executionFailedEventDetails",
            Events.Error(Asl.StatesErrors.Runtime, cause), error: Asl.StatesErrors.Runtime, cause: cause);
        return false;
    }

    /// <summary>Ends the execution once: the first of runner, StopExecution or the execution timeout wins.</summary>
    public bool TryFinish(string status, string eventType, string detailsMember, JsonObject details, string? output = null, string? error = null, string? cause = null)
    {
        List<OpenTask> tasks;
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
            tasks = [.. _openTasks];
            ReleaseIdleWaiters();
        }
        foreach (var task in tasks)
        {
            task.TryClose(new TaskOutcome.Aborted());
        }
        _stopping.Cancel();
        _finished.TrySetResult(Snapshot());
        return true;
    }

    public string? Output { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    public void AddOpenTask(OpenTask task)
    {
        lock (_gate)
        {
            _openTasks.Add(task);
        }
    }

    public void RemoveOpenTask(OpenTask task)
    {
        lock (_gate)
        {
            _openTasks.Remove(task);
        }
    }

    public ExecutionSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new ExecutionSnapshot(Arn, Machine.Arn, Name, Status, StartDate, StopDate, Input, Output, Error, Cause, _history.ToList());
        }
    }

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
                ReleaseIdleWaiters();
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
                ReleaseIdleWaiters();
            }
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
            _idleWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    private bool IsIdle => Status != ExecutionStatus.Running || _parked.Count >= _strands;

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
