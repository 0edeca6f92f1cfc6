namespace JobOrchestration.Functions.Poller;

/// <summary>Counters of one sweep, turned into the <see cref="PollSummary"/> at the end. Records are polled concurrently, so each count is atomic.</summary>
internal sealed class SweepTally
{
    private int @checked;
    private int completed;
    private int failed;
    private int maxAttempts;
    private int timedOut;
    private int stillPending;
    private int errors;

    public void Checked() => Interlocked.Increment(ref @checked);

    public void Completed() => Interlocked.Increment(ref completed);

    public void Failed() => Interlocked.Increment(ref failed);

    public void MaxAttempts() => Interlocked.Increment(ref maxAttempts);

    public void TimedOut() => Interlocked.Increment(ref timedOut);

    public void StillPending() => Interlocked.Increment(ref stillPending);

    public void Error() => Interlocked.Increment(ref errors);

    public PollSummary ToSummary() => new(
        Volatile.Read(ref @checked), Volatile.Read(ref completed), Volatile.Read(ref failed), Volatile.Read(ref maxAttempts),
        Volatile.Read(ref timedOut), Volatile.Read(ref stillPending), Volatile.Read(ref errors));
}
