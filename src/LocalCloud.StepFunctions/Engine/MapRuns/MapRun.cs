namespace LocalCloud.StepFunctions.Engine.MapRuns;

/// <summary>
/// One run of a Distributed Map state: its settings (MaxConcurrency and the failure tolerance can change while it runs,
/// through UpdateMapRun), its child executions' counts and how it ended
/// (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-examine-map-run.html). Thread-safe.
/// </summary>
public sealed class MapRun(string arn, string executionArn, string stateMachineArn, DateTimeOffset startDate, int maxConcurrency,
    double toleratedFailurePercentage, long toleratedFailureCount, long total)
{
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Aborted = "ABORTED";

    private readonly Lock _gate = new();
    private int _maxConcurrency = maxConcurrency;
    private double _toleratedPercentage = toleratedFailurePercentage;
    private long _toleratedCount = toleratedFailureCount;
    private MapRunCounts _counts = new(total, 0, 0, 0, 0, 0, total);
    private string _status = Running;
    private DateTimeOffset? _stopDate;

    public string Arn { get; } = arn;

    public string ExecutionArn { get; } = executionArn;

    /// <summary>The parent execution's state machine (ListMapRuns shows it).</summary>
    public string StateMachineArn { get; } = stateMachineArn;

    public DateTimeOffset StartDate { get; } = startDate;

    public MapRunView View()
    {
        lock (_gate)
        {
            return new MapRunView(Arn, ExecutionArn, StateMachineArn, _status, StartDate, _stopDate, _maxConcurrency, _toleratedPercentage, _toleratedCount, _counts);
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
            return true;
        }
    }

    public void ChildStarted()
    {
        lock (_gate)
        {
            _counts = _counts with { Pending = _counts.Pending - 1, Running = _counts.Running + 1 };
        }
    }

    /// <summary>A child ended with <paramref name="status"/>; true when the failures now exceed the tolerance.</summary>
    public bool ChildEnded(string status)
    {
        lock (_gate)
        {
            _counts = status switch
            {
                ExecutionStatus.Succeeded => _counts with { Running = _counts.Running - 1, Succeeded = _counts.Succeeded + 1 },
                ExecutionStatus.TimedOut => _counts with { Running = _counts.Running - 1, TimedOut = _counts.TimedOut + 1 },
                ExecutionStatus.Aborted => _counts with { Running = _counts.Running - 1, Aborted = _counts.Aborted + 1 },
                _ => _counts with { Running = _counts.Running - 1, Failed = _counts.Failed + 1 },
            };
            return ExceededLocked();
        }
    }

    /// <summary>
    /// More failed, timed-out or aborted children than tolerated: by default none is (a tolerance of 0), and a run is
    /// failed past either ToleratedFailureCount or ToleratedFailurePercentage
    /// (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html#maprun-fail-threshold).
    /// </summary>
    private bool ExceededLocked()
    {
        var failures = _counts.Failed + _counts.TimedOut + _counts.Aborted;
        return failures > _toleratedCount || (_counts.Total > 0 && failures * 100.0 / _counts.Total > _toleratedPercentage);
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
            if (status != Succeeded && _counts.Pending > 0)
            {
                _counts = _counts with { Aborted = _counts.Aborted + _counts.Pending, Pending = 0 };
            }
        }
    }

    /// <summary>Read back from the durable store: a run that was running when LocalCloud stopped is shown ABORTED (its parent re-runs the Map state).</summary>
    public static MapRun Restore(MapRunView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var run = new MapRun(view.Arn, view.ExecutionArn, view.StateMachineArn, view.StartDate, view.MaxConcurrency,
            view.ToleratedFailurePercentage, view.ToleratedFailureCount, view.Counts.Total);
        run._counts = view.Counts;
        run._status = view.Status;
        run._stopDate = view.StopDate;
        return run;
    }
}

/// <summary>Counts of items (one per child execution, or per batch's items) by status, as DescribeMapRun shows them.</summary>
public sealed record MapRunCounts(long Pending, long Running, long Succeeded, long Failed, long TimedOut, long Aborted, long Total);

/// <summary>A consistent copy of a Map Run.</summary>
public sealed record MapRunView(string Arn, string ExecutionArn, string StateMachineArn, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate,
    int MaxConcurrency, double ToleratedFailurePercentage, long ToleratedFailureCount, MapRunCounts Counts);
