namespace JobOrchestration.Functions.Poller;

/// <summary>
/// Counters of one sweep, turned into the <see cref="PollSummary"/> at the end, plus what the sweep left waiting (for
/// the OldestPendingJobAgeSeconds metric). Records are polled concurrently, so each count is atomic.
/// </summary>
internal sealed class SweepTally
{
    private int @checked;
    private int completed;
    private int failed;
    private int maxAttempts;
    private int timedOut;
    private int stillPending;
    private int errors;
    private int skipped;
    private int waiting;
    private long oldestWaitingTicks = long.MaxValue;

    public int Skipped => Volatile.Read(ref skipped);

    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>When the oldest record this sweep left PENDING was created; null when it left none.</summary>
    public DateTimeOffset? OldestWaiting => Volatile.Read(ref oldestWaitingTicks) is var ticks && ticks != long.MaxValue
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    public void Checked() => Interlocked.Increment(ref @checked);

    public void Completed() => Interlocked.Increment(ref completed);

    public void Failed() => Interlocked.Increment(ref failed);

    public void MaxAttempts() => Interlocked.Increment(ref maxAttempts);

    public void TimedOut() => Interlocked.Increment(ref timedOut);

    public void StillPending() => Interlocked.Increment(ref stillPending);

    public void Error() => Interlocked.Increment(ref errors);

    public void Skip() => Interlocked.Increment(ref skipped);

    /// <summary>A record this sweep leaves PENDING (still running, skipped, or stopped by an error).</summary>
    public void LeftWaiting(DateTimeOffset createdAt)
    {
        Interlocked.Increment(ref waiting);
        var ticks = createdAt.UtcTicks;
        var current = Volatile.Read(ref oldestWaitingTicks);
        while (ticks < current)
        {
            var seen = Interlocked.CompareExchange(ref oldestWaitingTicks, ticks, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    public PollSummary ToSummary() => new(
        Volatile.Read(ref @checked), Volatile.Read(ref completed), Volatile.Read(ref failed), Volatile.Read(ref maxAttempts),
        Volatile.Read(ref timedOut), Volatile.Read(ref stillPending), Volatile.Read(ref errors));
}
