using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// One execution: its <see cref="ExecutionHistory"/>, its ending, and the tasks it waits on. Every change happens
/// under one lock and nothing is appended after the terminal event, so a stop, a timeout and the runner cannot
/// interleave wrongly: the first ending wins. <see cref="Idle"/> tells tests when every strand is parked.
/// </summary>
public sealed partial class Execution : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ExecutionHistory _history;
    private TaskCompletionSource<ExecutionSnapshot> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource _stopping = new();
    private readonly HashSet<OpenTask> _openTasks = [];
    private ExecutionResult? _result;
    private bool _detached;
    private Action<Execution>? _onEnded;

    public Execution(string arn, string name, StateMachineVersion machine, string input, RequestContext context, TimeProvider time, IExecutionJournal? journal = null)
        : this(arn, name, machine, input, context, time, journal, time.GetUtcNow())
    {
    }

    private Execution(string arn, string name, StateMachineVersion machine, string input, RequestContext context, TimeProvider time, IExecutionJournal? journal, DateTimeOffset startDate)
    {
        Arn = arn;
        Name = name;
        Machine = machine;
        Input = input;
        Context = context;
        StartDate = startDate;
        _history = new ExecutionHistory(time, journal);
    }

    /// <summary>An execution read back from the durable store; a finished one (<paramref name="result"/> set) is complete, a running one waits for its runner.</summary>
    public static Execution Restore(string arn, string name, StateMachineVersion machine, string input, RequestContext context, DateTimeOffset startDate,
        ExecutionResult? result, IEnumerable<HistoryEvent> history, TimeProvider time, IExecutionJournal? journal)
    {
        ArgumentNullException.ThrowIfNull(history);
        var execution = new Execution(arn, name, machine, input, context, time, journal, startDate);
        execution._history.Restore(history);
        if (result is not null)
        {
            execution._result = result;
            execution._stopping.Cancel();
            execution.Idle.End();
            execution._finished.TrySetResult(execution.Snapshot());
        }
        return execution;
    }

    /// <summary>Null unless the store is durable: the hot path then checks one field and serialises nothing.</summary>
    public IExecutionJournal? Journal => _history.Journal;

    public IdleTracker Idle { get; private set; } = new();

    public string Arn { get; }

    public string Name { get; }

    public StateMachineVersion Machine { get; }

    public string Input { get; }

    public RequestContext Context { get; }

    public DateTimeOffset StartDate { get; }

    /// <summary>Null while running.</summary>
    public ExecutionResult? Result => Volatile.Read(ref _result);

    public string Status => Result?.Status ?? ExecutionStatus.Running;

    public DateTimeOffset? StopDate => Result?.StopDate;

    public string? Output => Result?.Output;

    public string? Error => Result?.Error;

    public string? Cause => Result?.Cause;

    public CancellationToken Stopping => _stopping.Token;

    public Task<ExecutionSnapshot> Finished => _finished.Task;

    /// <summary>False once ended, or once detached at shutdown (the stored execution then resumes on the next start).</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return IsOpen;
            }
        }
    }

    private bool IsOpen => _result is null && !_detached;

    /// <summary>The id of the newest event; on the main path the next Append gets this plus one.</summary>
    public long LastEventId
    {
        get
        {
            lock (_gate)
            {
                return _history.LastId;
            }
        }
    }

    /// <summary>
    /// Appends an event, or throws OperationCanceledException once the execution has ended (the runner then unwinds).
    /// A durable store also gets <paramref name="checkpoint"/> (where the main path stands after this event) and the
    /// task <paramref name="token"/> a TaskScheduled minted. The event past AWS's history limit fails the execution instead.
    /// </summary>
    public long Append(string type, string? detailsMember = null, JsonObject? details = null, Checkpoint? checkpoint = null, string? token = null)
    {
        lock (_gate)
        {
            if (HasRoom())
            {
                return _history.Add(type, detailsMember, details, checkpoint, token).Id;
            }
        }
        throw Overflowed();
    }

    /// <summary>As above, with details kept as their parts until read (<see cref="EventDetails"/>).</summary>
    public long Append(string type, string detailsMember, EventDetails details, Checkpoint? checkpoint = null)
    {
        lock (_gate)
        {
            if (HasRoom())
            {
                return _history.Add(type, detailsMember, details, checkpoint).Id;
            }
        }
        throw Overflowed();
    }

    /// <summary>Under the lock: false when the history is full; throws once the execution has ended.</summary>
    private bool HasRoom() => IsOpen ? !_history.IsFull : throw new OperationCanceledException(Stopping);

    /// <summary>Outside the lock: the event past the limit fails the execution, and the runner unwinds.</summary>
    private OperationCanceledException Overflowed()
    {
        Fail(StatesErrors.Runtime, $"The execution reached the maximum number of history events ({ExecutionHistory.MaxEvents}).");
        return new OperationCanceledException(Stopping);
    }

    /// <summary>The state machine's output; false when the execution had already ended.</summary>
    public bool Succeed(string output)
        => Finish(ExecutionStatus.Succeeded, "ExecutionSucceeded", "executionSucceededEventDetails", Events.Data("output", output), output, null, null);

    /// <summary>A failure no Catch handled, or one LocalCloud raised itself; an empty error is shown as none.</summary>
    public bool Fail(string? error, string? cause)
        => Finish(ExecutionStatus.Failed, "ExecutionFailed", "executionFailedEventDetails", Events.Error(error, cause), null, string.IsNullOrEmpty(error) ? null : error, cause);

    /// <summary>StopExecution, or shutdown without a durable store.</summary>
    public bool Abort(string? error, string? cause)
        => Finish(ExecutionStatus.Aborted, "ExecutionAborted", "executionAbortedEventDetails", Events.Error(error, cause), null, error, cause);

    /// <summary>The definition's TimeoutSeconds passed.</summary>
    public bool TimeOut()
        => Finish(ExecutionStatus.TimedOut, "ExecutionTimedOut", "executionTimedOutEventDetails", Events.Error(StatesErrors.Timeout, null), null, StatesErrors.Timeout, null);

    /// <summary>Ends the execution once: the first of runner, StopExecution or the execution timeout wins.</summary>
    private bool Finish(string status, string eventType, string detailsMember, JsonObject details, string? output, string? error, string? cause)
    {
        List<OpenTask> tasks;
        lock (_gate)
        {
            if (!IsOpen)
            {
                return false;
            }
            CaptureRedrivePoint();
            _result = _history.AddTerminal(this, eventType, detailsMember, details, stopDate => new ExecutionResult(status, stopDate, output, error, cause));
            tasks = [.. _openTasks];
        }
        Stop(tasks);
        // Retention runs before anyone can see the execution finished, so what a waiter then reads (the store, the
        // registry) already reflects it: otherwise a test that waited for the end races the trim.
        Interlocked.Exchange(ref _onEnded, null)?.Invoke(this);
        _finished.TrySetResult(Snapshot());
        return true;
    }

    /// <summary>Calls <paramref name="ended"/> once when the execution ends, at once when it already has.</summary>
    public void OnEnded(Action<Execution> ended)
    {
        _endedHandler = ended;
        Volatile.Write(ref _onEnded, ended);
        if (Result is not null)
        {
            Interlocked.Exchange(ref _onEnded, null)?.Invoke(this);
        }
    }

    /// <summary>Retention forgot this finished execution: its stored records go too.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            Journal?.Forgotten();
        }
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
            if (!IsOpen)
            {
                return;
            }
            _detached = true;
            tasks = [.. _openTasks];
        }
        Stop(tasks);
    }

    /// <summary>Calls <paramref name="appended"/> with each event appended from now on, under this execution's lock: it must only hand the event off.</summary>
    public void OnAppended(Action<Execution, HistoryEvent> appended) => _history.Appended = e => appended(this, e);

    /// <summary>Writes the record a restart finds first; StartExecution answers only after it.</summary>
    public void WriteStarted() => Journal?.Started(this);

    /// <summary>The main path moved without an event (a retry waits): only a durable store cares.</summary>
    public void SaveCheckpoint(Checkpoint checkpoint)
    {
        lock (_gate)
        {
            if (IsOpen)
            {
                Journal?.Moved(checkpoint);
            }
        }
    }

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

    public void Dispose() => _stopping.Dispose();

    private void Stop(List<OpenTask> tasks)
    {
        Idle.End();
        foreach (var task in tasks)
        {
            task.TryClose(new TaskOutcome.Aborted());
        }
        _stopping.Cancel();
    }
}
