namespace JobOrchestration.JobApi;

/// <summary>What the next requests suffer: answered slowly, dropped without an answer (down), or answered 503.</summary>
public enum JobApiFaultMode
{
    None,
    Slow,
    Down,
    ServerError,
}

/// <summary>Which requests the faults are aimed at.</summary>
public enum JobApiFaultTarget
{
    /// <summary>Whichever requests arrive next, retries and status checks included.</summary>
    NextRequests,

    /// <summary>
    /// The first attempt of each of the next job creations, told apart by their Idempotency-Key: a retried create and
    /// every status check are answered normally, so each faulted create meets exactly one fault.
    /// </summary>
    FirstAttemptOfCreates,
}

/// <summary>
/// Faults for the next <c>count</c> requests (or creates), set by tests in-process or by anyone over POST /_faults
/// {"mode":"ServerError","count":3,"delayMs":0,"target":"NextRequests"}. Thread-safe: concurrent requests each take one
/// fault or none.
/// </summary>
public sealed class JobApiFaults
{
    private readonly Lock gate = new();
    private readonly HashSet<string> faultedCreates = new(StringComparer.Ordinal);
    private JobApiFaultMode mode;
    private JobApiFaultTarget target;
    private int remaining;

    public TimeSpan SlowDelay { get; private set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests served or faulted since the server started (the admin route excluded).</summary>
    public int Requests { get; private set; }

    public int Faulted { get; private set; }

    public void Set(JobApiFaultMode faultMode, int count, TimeSpan? slowDelay = null, JobApiFaultTarget faultTarget = JobApiFaultTarget.NextRequests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            mode = faultMode;
            target = faultTarget;
            remaining = faultMode == JobApiFaultMode.None ? 0 : count;
            SlowDelay = slowDelay ?? SlowDelay;
            faultedCreates.Clear();
        }
    }

    /// <summary>The fault this request suffers, counting it.</summary>
    /// <param name="createKey">The Idempotency-Key of a job creation; null for any other request or a create without one.</param>
    public JobApiFaultMode Take(string? createKey = null)
    {
        lock (gate)
        {
            Requests++;
            if (remaining == 0)
            {
                return JobApiFaultMode.None;
            }

            // A create without a key cannot be told from its own retry, so it is never aimed at.
            if (target == JobApiFaultTarget.FirstAttemptOfCreates && (createKey is null || !faultedCreates.Add(createKey)))
            {
                return JobApiFaultMode.None;
            }

            remaining--;
            Faulted++;
            return mode;
        }
    }
}
