using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Variables;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using LocalCloud.StepFunctions.Engine.Express;
using LocalCloud.StepFunctions.Engine.Redrive;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// The parts of an execution that Express workflows, redrive and Map Runs need: its type, the Map Run that started it,
/// and where its main path stands, kept so an unsuccessful execution can be redriven from the state it ended in
/// (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html).
/// </summary>
public sealed partial class Execution
{
    private MainPosition? _mainAt;
    private ConcurrentDictionary<int, JsonNode?>? _children;
    private RedrivePoint? _reuse;
    private RedrivePoint? _redrivePoint;
    private Action<Execution>? _endedHandler;
    private readonly List<(string Token, DateTimeOffset RedriveDate, DateTimeOffset Used)> _clientTokens = [];

    /// <summary>STANDARD or EXPRESS.</summary>
    public string Type { get; init; } = ExpressRules.Standard;

    public bool IsExpress => Type == ExpressRules.Express;

    /// <summary>The Map Run that started this execution as a child workflow; null for every other execution.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>How many items a Map Run's child carries (more than one with an ItemBatcher); null for every other execution.</summary>
    public long? ItemCount { get; init; }

    public int RedriveCount { get; private set; }

    /// <summary>The runner driving (or last driving) this execution: a redrive waits until the ended run has unwound.</summary>
    public Task Runner { get; private set; } = Task.CompletedTask;

    public void Track(Task runner) => Runner = runner;

    public DateTimeOffset? RedriveDate { get; private set; }

    /// <summary>The definition's TimeoutSeconds count from here: the start, or the last redrive.</summary>
    public DateTimeOffset DeadlineFrom => RedriveDate ?? StartDate;

    /// <summary>What the durable store keeps of redrive; read by the journal under this execution's lock.</summary>
    public RedriveRecord RedriveRecord => new(RedriveCount, RedriveDate, _redrivePoint);

    /// <summary>The main path enters <paramref name="state"/>: kept (not serialised) until the execution ends.</summary>
    public void EnteredOnMainPath(string state, JsonNode? input, VariableScope variables)
    {
        Volatile.Write(ref _children, null);
        Volatile.Write(ref _mainAt, new MainPosition(state, input, variables));
    }

    /// <summary>An iteration or branch of the main path's Map or Parallel state ended: a redrive re-runs only those that did not succeed.</summary>
    public void ChildEnded(int index, JsonNode? output, bool succeeded)
    {
        var children = Volatile.Read(ref _children) ?? Interlocked.CompareExchange(ref _children, new ConcurrentDictionary<int, JsonNode?>(), null) ?? _children!;
        if (succeeded)
        {
            children[index] = output;
        }
        else
        {
            children.TryRemove(index, out _);
        }
    }

    /// <summary>After a redrive, the first visit of the state it restarted at takes the outputs of the children that had succeeded.</summary>
    public IReadOnlyDictionary<int, string>? TakeRedrivenChildren(string state)
    {
        // Empty rather than null when nothing had succeeded: a Distributed Map still knows it is redriven and redrives its Map Run.
        var reuse = Interlocked.Exchange(ref _reuse, null);
        return reuse?.State == state ? reuse.Children ?? new Dictionary<int, string>() : null;
    }

    /// <summary>Read back from the durable store, before the execution runs again.</summary>
    public void RestoreRedrive(RedriveRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            RedriveCount = record.Count;
            RedriveDate = record.Date;
            _redrivePoint = record.Point;
        }
    }

    /// <summary>Null when RedriveExecution would restart this execution, else AWS's reason why not.</summary>
    public string? NotRedrivableReason(DateTimeOffset now)
    {
        lock (_gate)
        {
            return ReasonLocked(now);
        }
    }

    /// <summary>
    /// RedriveExecution: reopens the ended execution at the state its main path ended in, with the ExecutionRedriven event
    /// (and, when durable, the execution RUNNING again and its checkpoint in one write). Returns the redrive date and where
    /// to run from, or the reason it cannot be redriven. A client token used within 15 minutes answers the same date again.
    /// </summary>
    public (DateTimeOffset? Date, ResumePoint? Resume, string? Reason) Redrive(DateTimeOffset now, string? clientToken)
    {
        lock (_gate)
        {
            _clientTokens.RemoveAll(t => now - t.Used > RedriveRules.ClientTokenLifetime);
            if (clientToken is not null && _clientTokens.FindIndex(t => t.Token == clientToken) is var known and >= 0)
            {
                return (_clientTokens[known].RedriveDate, null, null);
            }
            if (ReasonLocked(now) is { } reason)
            {
                return (null, null, reason);
            }
            var point = _redrivePoint!;
            _result = null;
            RedriveCount++;
            RedriveDate = now;
            _stopping.Dispose();
            _stopping = new CancellationTokenSource();
            _finished = new TaskCompletionSource<ExecutionSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            Idle = new IdleTracker();
            Volatile.Write(ref _onEnded, _endedHandler);
            var checkpoint = new Checkpoint(point.State, point.Input, Variables: point.Variables);
            _reuse = point;
            _history.AddRedriven(this, new JsonObject { ["redriveCount"] = RedriveCount }, checkpoint);
            if (clientToken is not null)
            {
                _clientTokens.Add((clientToken, now, now));
                if (_clientTokens.Count > RedriveRules.RememberedClientTokens)
                {
                    _clientTokens.RemoveAt(0);
                }
            }
            return (now, new ResumePoint(checkpoint, null), null);
        }
    }

    /// <summary>Called under the lock as the execution ends: where a redrive would start.</summary>
    private void CaptureRedrivePoint()
    {
        if (Volatile.Read(ref _mainAt) is { } at)
        {
            var children = Volatile.Read(ref _children)?.ToDictionary(c => c.Key, c => Events.Json(c.Value));
            _redrivePoint = new RedrivePoint(at.State, Events.Json(at.Input), at.Variables.ToJson(), children is { Count: > 0 } ? children : null);
        }
    }

    private string? ReasonLocked(DateTimeOffset now)
    {
        if (IsOpen || _detached)
        {
            return RedriveRules.RunningReason;
        }
        if (_result!.Status == ExecutionStatus.Succeeded)
        {
            return RedriveRules.SucceededReason;
        }
        if (_history.IsFull)
        {
            return RedriveRules.HistoryLimitReason;
        }
        if (now - StartDate > RedriveRules.MaxExecutionTime)
        {
            return RedriveRules.MaxTimeReason;
        }
        if (now - _result.StopDate > RedriveRules.Window)
        {
            return RedriveRules.PeriodReason;
        }
        return _redrivePoint is null ? RedriveRules.NoPointReason : null;
    }

    private sealed record MainPosition(string State, JsonNode? Input, VariableScope Variables);
}
