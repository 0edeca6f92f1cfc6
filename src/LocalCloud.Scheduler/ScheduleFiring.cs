
namespace LocalCloud.Scheduler;

/// <summary>
/// One firing of a schedule and what became of its delivery to the target. The delivery runs on after the
/// firing is recorded, so <see cref="Outcome"/> and <see cref="Attempts"/> change until it settles.
/// </summary>
public sealed class ScheduleFiring
{
    private int _attempts;
    private int _outcome = (int)FiringOutcome.Pending;
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ScheduleFiring(string scheduleArn, string targetArn, DateTimeOffset dueTime, DateTimeOffset firedAt)
    {
        ScheduleArn = scheduleArn;
        TargetArn = targetArn;
        DueTime = dueTime;
        FiredAt = firedAt;
    }

    public string ScheduleArn { get; }

    public string TargetArn { get; }

    /// <summary>When the firing was due (on the host clock, after TimeScale).</summary>
    public DateTimeOffset DueTime { get; }

    /// <summary>When the timer actually ran; later than <see cref="DueTime"/> only if the clock jumped.</summary>
    public DateTimeOffset FiredAt { get; }

    public int Attempts => Volatile.Read(ref _attempts);

    public FiringOutcome Outcome => (FiringOutcome)Volatile.Read(ref _outcome);

    /// <summary>Completes when the delivery settled (delivered or dropped): observers wait on it instead of polling.</summary>
    public Task Settled => _settled.Task;

    /// <summary>The last delivery error, if any.</summary>
    public string? Error { get; private set; }

    internal void Attempted() => Interlocked.Increment(ref _attempts);

    internal void Settle(FiringOutcome outcome, string? error = null)
    {
        Error = error;
        Volatile.Write(ref _outcome, (int)outcome);
        _settled.TrySetResult();
    }
}
