namespace JobOrchestration.JobApi;

/// <summary>What the next requests suffer: answered slowly, dropped without an answer (down), or answered 503.</summary>
public enum JobApiFaultMode
{
    None,
    Slow,
    Down,
    ServerError,
}

/// <summary>
/// Faults for the next <c>count</c> requests, set by tests in-process or by anyone over POST /_faults
/// {"mode":"ServerError","count":3,"delayMs":0}. Thread-safe: concurrent requests each take one fault or none.
/// </summary>
public sealed class JobApiFaults
{
    private readonly Lock gate = new();
    private JobApiFaultMode mode;
    private int remaining;

    public TimeSpan SlowDelay { get; private set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests served or faulted since the server started (the admin route excluded).</summary>
    public int Requests { get; private set; }

    public int Faulted { get; private set; }

    public void Set(JobApiFaultMode faultMode, int count, TimeSpan? slowDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            mode = faultMode;
            remaining = faultMode == JobApiFaultMode.None ? 0 : count;
            SlowDelay = slowDelay ?? SlowDelay;
        }
    }

    /// <summary>The fault this request suffers, counting it.</summary>
    public JobApiFaultMode Take()
    {
        lock (gate)
        {
            Requests++;
            if (remaining == 0)
            {
                return JobApiFaultMode.None;
            }

            remaining--;
            Faulted++;
            return mode;
        }
    }
}
