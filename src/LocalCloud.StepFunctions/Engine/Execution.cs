using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using LocalCloud.StepFunctions.Engine.Tokens;
using LocalCloud.StepFunctions.Persistence;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// One execution's state. Every change (history, status) happens under one lock, and nothing is
/// appended after the terminal event, so a stop, a timeout and the runner cannot interleave wrongly.
/// It also tracks whether every strand of the runner (the main path, plus each Parallel branch or Map
/// worker running at once) is parked on a timer or a callback, so tests can step a FakeTimeProvider
/// deterministically. AWS allows 25,000 history events; the next one fails the execution.
/// With a durable store every event is written (under the same lock, so in order) before it is visible.
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
    private bool _detached;

    public Execution(string arn, string name, StateMachineVersion machine, string input, RequestContext context, TimeProvider time, ExecutionJournal? journal = null)
        : this(arn, name, machine, input, context, time, journal, time.GetUtcNow())
    {
    }

    private Execution(string arn, string name, StateMachineVersion machine, string input, RequestContext context, TimeProvider time, ExecutionJournal? journal, DateTimeOffset startDate)
    {
        Arn = arn;
        Name = name;
        Machine = machine;
        Input = input;
        Context = context;
        _time = time;
        Journal = journal;
        StartDate = startDate;
    }

    /// <summary>An execution read back from the durable store; a finished one is complete, a running one waits for its runner.</summary>
    public static Execution Restore(ExecutionDocument stored, StateMachineVersion machine, IEnumerable<HistoryEvent> history, TimeProvider time, ExecutionJournal? journal)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(history);
        var execution = new Execution(stored.Arn, stored.Name, machine, stored.Input, new RequestContext(stored.AccountId, stored.Region, stored.RequestId),
            time, journal, stored.StartDate);
        execution._history.AddRange(history);
        if (stored.Status != ExecutionStatus.Running)
        {
            execution.Status = stored.Status;
            execution.StopDate = stored.StopDate;
            execution.Output = stored.Output;
            execution.Error = stored.Error;
            execution.Cause = stored.Cause;
            execution._stopping.Cancel();
            execution._finished.TrySetResult(execution.Snapshot());
        }
        return execution;
    }

    /// <summary>Null unless the store is durable: the hot path then checks one field and serialises nothing.</summary>
    public ExecutionJournal? Journal { get; }

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

    /// <summary>False once ended, or once detached at shutdown (the stored execution then resumes on the next start).</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return Status == ExecutionStatus.Running && !_detached;
            }
        }
    }

    /// <summary>https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html: 25,000 events per execution history.</summary>
    public const int MaxHistoryEvents = 25_000;

    /// <summary>
    /// Appends an event; false once the execution has ended (the runner then stops). A durable store also gets
    /// <paramref name="checkpoint"/> (where the main path stands after this event) and the task <paramref name="token"/> a TaskScheduled minted.
    /// </summary>
    public bool AddEvent(string type, string? detailsMember = null, JsonObject? details = null, Checkpoint? checkpoint = null, string? token = null)
    {
        lock (_gate)
        {
            if (Status != ExecutionStatus.Running || _detached)
            {
                return false;
            }
            if (_history.Count < MaxHistoryEvents - 1)
            {
                var e = NextEvent(type, detailsMember, details);
                Journal?.Appended(e, token, checkpoint);
                _history.Add(e);
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
            if (Status != ExecutionStatus.Running || _detached)
            {
                return false;
            }
            var e = NextEvent(eventType, detailsMember, details);
            Journal?.Finished(new ExecutionDocument(Arn, Name, Machine.Arn, StatesCollections.VersionKey(Machine.Arn, Machine.RevisionId), Input, StartDate,
                status, e.Timestamp, output, error, cause, Context.AccountId, Context.Region, Context.RequestId), e);
            Status = status;
            StopDate = e.Timestamp;
            Output = output;
            Error = error;
            Cause = cause;
            _history.Add(e);
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

    /// <summary>
    /// Shutdown with a durable store: the execution stops here without writing anything, so the stored one stays
    /// RUNNING and resumes on the next start, as after a crash.
    /// </summary>
    public void Detach()
    {
        List<OpenTask> tasks;
        lock (_gate)
        {
            if (Status != ExecutionStatus.Running || _detached)
            {
                return;
            }
            _detached = true;
            tasks = [.. _openTasks];
            ReleaseIdleWaiters();
        }
        foreach (var task in tasks)
        {
            task.TryClose(new TaskOutcome.Aborted());
        }
        _stopping.Cancel();
    }

    /// <summary>Writes the record a restart finds first; StartExecution answers only after it.</summary>
    public void WriteStarted()
        => Journal?.Started(new ExecutionDocument(Arn, Name, Machine.Arn, StatesCollections.VersionKey(Machine.Arn, Machine.RevisionId), Input, StartDate,
            ExecutionStatus.Running, null, null, null, null, Context.AccountId, Context.Region, Context.RequestId));

    /// <summary>The main path moved without an event (a retry waits): only a durable store cares.</summary>
    public void SaveCheckpoint(Checkpoint checkpoint)
    {
        lock (_gate)
        {
            if (Status == ExecutionStatus.Running && !_detached)
            {
                Journal?.Moved(checkpoint);
            }
        }
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

    private bool IsIdle => Status != ExecutionStatus.Running || _detached || _parked.Count >= _strands;

    public void Dispose() => _stopping.Dispose();

    private void ReleaseIdleWaiters()
    {
        foreach (var waiter in _idleWaiters)
        {
            waiter.TrySetResult();
        }
        _idleWaiters.Clear();
    }

    private HistoryEvent NextEvent(string type, string? detailsMember, JsonObject? details)
    {
        var id = _history.Count + 1;
        return new HistoryEvent(id, id - 1, _time.GetUtcNow(), type, detailsMember, details);
    }
}
