namespace LocalCloud.StepFunctions.Engine.MapRuns;

/// <summary>
/// One run of a Distributed Map state: its settings (MaxConcurrency and the failure tolerance can change while it runs,
/// through UpdateMapRun), its child executions' counts and how it ended
/// (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-examine-map-run.html). Thread-safe.
/// </summary>
public sealed class MapRun(string arn, string executionArn, string stateMachineArn, DateTimeOffset startDate, int maxConcurrency,
    double? toleratedFailurePercentage, long? toleratedFailureCount, long executions, long items)
{
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Aborted = "ABORTED";

    private readonly Lock _gate = new();
    private int _maxConcurrency = maxConcurrency;
    private double? _toleratedPercentage = toleratedFailurePercentage;
    private long? _toleratedCount = toleratedFailureCount;
    private MapRunCounts _counts = new(executions, 0, 0, 0, 0, 0, executions);
    private MapRunCounts _items = new(items, 0, 0, 0, 0, 0, items);
    private string _status = Running;
    private DateTimeOffset? _stopDate;
    private int _redriveCount;
    private DateTimeOffset? _redriveDate;

    public string Arn { get; } = arn;

    public string ExecutionArn { get; } = executionArn;

    /// <summary>The parent execution's state machine (ListMapRuns shows it).</summary>
    public string StateMachineArn { get; } = stateMachineArn;

    public DateTimeOffset StartDate { get; } = startDate;

    public MapRunView View()
    {
        lock (_gate)
        {
            return new MapRunView(Arn, ExecutionArn, StateMachineArn, _status, StartDate, _stopDate, _maxConcurrency, _toleratedPercentage ?? 0, _toleratedCount ?? 0, _counts, _items,
                _redriveCount, _redriveDate);
        }
    }

    public int MaxConcurrency
    {
        get
        {
            lock (_gate)
            {
                return _maxConcurrency;
            }
        }
    }

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _status == Running;
            }
        }
    }

    /// <summary>
    /// The parent was redriven: the run is RUNNING again and its unsuccessful children are pending once more; those that
    /// succeeded stay counted as succeeded and are not run again
    /// (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html).
    /// </summary>
    public int Redrive(DateTimeOffset at)
    {
        lock (_gate)
        {
            _status = Running;
            _stopDate = null;
            _redriveDate = at;
            _counts = _counts with { Pending = _counts.Total - _counts.Succeeded, Running = 0, Failed = 0, TimedOut = 0, Aborted = 0 };
            _items = _items with { Pending = _items.Total - _items.Succeeded, Running = 0, Failed = 0, TimedOut = 0, Aborted = 0 };
            return ++_redriveCount;
        }
    }

    /// <summary>Set by the runner while the run's workers run: a new MaxConcurrency may start more of them.</summary>
    public Action? MaxConcurrencyChanged { get; set; }

    /// <summary>UpdateMapRun: null leaves a setting as it is. False when the run has ended.</summary>
    public bool Update(int? maxConcurrency, double? toleratedPercentage, long? toleratedCount)
    {
        lock (_gate)
        {
            if (_status != Running)
            {
                return false;
            }
            _maxConcurrency = maxConcurrency ?? _maxConcurrency;
            _toleratedPercentage = toleratedPercentage ?? _toleratedPercentage;
            _toleratedCount = toleratedCount ?? _toleratedCount;
        }
        // Outside the gate: the workers read MaxConcurrency under their own lock.
        if (maxConcurrency is not null)
        {
            MaxConcurrencyChanged?.Invoke();
        }
        return true;
    }

    /// <summary>A child execution carrying <paramref name="items"/> items (more than one with an ItemBatcher) starts.</summary>
    public void ChildStarted(long items)
    {
        lock (_gate)
        {
            _counts = _counts.Start(1);
            _items = _items.Start(items);
        }
    }

    /// <summary>A child ended with <paramref name="status"/>; true when the failed items now exceed the tolerance.</summary>
    public bool ChildEnded(string status, long items)
    {
        lock (_gate)
        {
            _counts = _counts.End(status, 1);
            _items = _items.End(status, items);
            return ExceededLocked();
        }
    }

    /// <summary>
    /// More failed, timed-out or aborted items than tolerated: with neither setting none is, else the run fails past
    /// whichever of ToleratedFailureCount and ToleratedFailurePercentage is set
    /// (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html#maprun-fail-threshold).
    /// </summary>
    private bool ExceededLocked()
    {
        var failures = _items.Failed + _items.TimedOut + _items.Aborted;
        if (_toleratedCount is null && _toleratedPercentage is null)
        {
            return failures > 0;
        }
        return failures > _toleratedCount || (_items.Total > 0 && failures * 100.0 / _items.Total > _toleratedPercentage);
    }

    /// <summary>The run ends; children never started count as aborted when it did not succeed.</summary>
    public void End(string status, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_status != Running)
            {
                return;
            }
            _status = status;
            _stopDate = at;
            if (status != Succeeded)
            {
                _counts = _counts with { Aborted = _counts.Aborted + _counts.Pending, Pending = 0 };
                _items = _items with { Aborted = _items.Aborted + _items.Pending, Pending = 0 };
            }
        }
    }

    /// <summary>Read back from the durable store: a run that was running when LocalCloud stopped is shown ABORTED (its parent re-runs the Map state).</summary>
    public static MapRun Restore(MapRunView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var run = new MapRun(view.Arn, view.ExecutionArn, view.StateMachineArn, view.StartDate, view.MaxConcurrency,
            view.ToleratedFailurePercentage, view.ToleratedFailureCount, view.Counts.Total, view.Items.Total);
        run._counts = view.Counts;
        run._items = view.Items;
        run._status = view.Status;
        run._stopDate = view.StopDate;
        run._redriveCount = view.RedriveCount;
        run._redriveDate = view.RedriveDate;
        return run;
    }
}

/// <summary>Counts of child executions, or of the items they carry, by status, as DescribeMapRun shows them.</summary>
public sealed record MapRunCounts(long Pending, long Running, long Succeeded, long Failed, long TimedOut, long Aborted, long Total)
{
    public MapRunCounts Start(long n) => this with { Pending = Pending - n, Running = Running + n };

    public MapRunCounts End(string status, long n) => status switch
    {
        ExecutionStatus.Succeeded => this with { Running = Running - n, Succeeded = Succeeded + n },
        ExecutionStatus.TimedOut => this with { Running = Running - n, TimedOut = TimedOut + n },
        ExecutionStatus.Aborted => this with { Running = Running - n, Aborted = Aborted + n },
        _ => this with { Running = Running - n, Failed = Failed + n },
    };
}

/// <summary>A consistent copy of a Map Run.</summary>
public sealed record MapRunView(string Arn, string ExecutionArn, string StateMachineArn, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate,
    int MaxConcurrency, double ToleratedFailurePercentage, long ToleratedFailureCount, MapRunCounts Counts, MapRunCounts Items,
    int RedriveCount = 0, DateTimeOffset? RedriveDate = null);
