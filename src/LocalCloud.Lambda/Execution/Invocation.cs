using System.Globalization;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// One event on its way through a worker. Whoever finishes it first wins (response, error, timeout timer,
/// worker exit); the others find it already completed.
/// </summary>
internal sealed class Invocation(string requestId, string functionArn, ReadOnlyMemory<byte> payload, TimeSpan timeout, TimeProvider time)
{
    private readonly TaskCompletionSource<InvocationOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _logsFlushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private ITimer? _timer;

    public string RequestId { get; } = requestId;
    public string FunctionArn { get; } = functionArn;

    /// <summary>"$LATEST" or the published version running (the START line names it).</summary>
    public string Version { get; init; } = "$LATEST";
    public ReadOnlyMemory<byte> Payload { get; } = payload;
    public TimeSpan Timeout { get; } = timeout;
    public InvocationLog Log { get; } = new();

    /// <summary>When the runtime took the event from /next; null while the worker is still starting.</summary>
    public long? DeliveredAt { get; private set; }

    /// <summary>When the outcome was known (the runtime's response or error arrived, or LocalCloud ended it): REPORT's Duration ends here.</summary>
    public long CompletedAt { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public TimeSpan? InitDuration { get; set; }

    /// <summary>The worker's peak resident memory when the invocation ended (REPORT's Max Memory Used).</summary>
    public long MaxMemoryUsedMb { get; set; }

    public Task<InvocationOutcome> Completion => _outcome.Task;

    private int _completed;

    /// <summary>Completes when the dotnet runtime's end-of-invocation marker has come through stdout.</summary>
    public Task LogsFlushed => _logsFlushed.Task;

    public bool IsCompleted => _outcome.Task.IsCompleted;

    /// <summary>A cold worker gets this long to reach /next before the invocation fails.</summary>
    public void StartInitTimer(TimeSpan initTimeout) => SetTimer(initTimeout, () => TryComplete(InvocationOutcome.Error(
        OutcomeKind.Timeout,
        "Runtime.InitTimeout",
        $"RequestId: {RequestId} Error: the runtime did not ask for its first event within {initTimeout.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} seconds")));

    /// <summary>The function's Timeout runs from the moment the runtime receives the event.</summary>
    public void MarkDelivered()
    {
        DeliveredAt = time.GetTimestamp();
        Deadline = time.GetUtcNow() + Timeout;
        Log.AppendLine($"START RequestId: {RequestId} Version: {Version}");
        SetTimer(Timeout, TimeOut);
    }

    public bool TryComplete(InvocationOutcome outcome) => TryComplete(outcome, time.GetTimestamp());

    private bool TryComplete(InvocationOutcome outcome, long now)
    {
        if (Interlocked.CompareExchange(ref _completed, 1, 0) != 0)
        {
            return false;
        }
        // Set before the outcome is published, so whoever awaits Completion reads it.
        CompletedAt = now;
        _outcome.TrySetResult(outcome);
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
        return true;
    }

    public void MarkLogsFlushed() => _logsFlushed.TrySetResult();

    /// <summary>
    /// AWS's answer to a timed-out invocation: the log line "&lt;time&gt; &lt;id&gt; Task timed out after N.NN seconds" and
    /// the payload {"errorType":"Sandbox.Timedout","errorMessage":"RequestId: &lt;id&gt; Error: Task timed out after N.NN seconds"}.
    /// </summary>
    private void TimeOut()
    {
        var seconds = Timeout.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var outcome = InvocationOutcome.Error(OutcomeKind.Timeout, "Sandbox.Timedout", $"RequestId: {RequestId} Error: Task timed out after {seconds} seconds");
        if (!IsCompleted)
        {
            Log.AppendLine($"{time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} {RequestId} Task timed out after {seconds} seconds");
        }
        // A timer may fire a little before the timestamp clock says the timeout has passed (they tick differently);
        // a timed-out invocation never lasted less than its timeout.
        var now = time.GetTimestamp();
        var deadline = DeliveredAt is { } delivered ? delivered + (long)(Timeout.TotalSeconds * time.TimestampFrequency) : now;
        TryComplete(outcome, Math.Max(now, deadline));
    }

    private void SetTimer(TimeSpan dueTime, Action onFire)
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = IsCompleted ? null : time.CreateTimer(_ => onFire(), null, dueTime, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }
}
