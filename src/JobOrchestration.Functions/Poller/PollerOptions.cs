namespace JobOrchestration.Functions.Poller;

/// <summary>How a sweep spreads its work. The defaults are what docs/functions.md measured; tests shrink them.</summary>
public sealed record PollerOptions
{
    /// <summary>
    /// Records claimed, checked (one CHECK_STATUS_BATCH) and called back together. At most
    /// <see cref="Jobs.JobStatusBatch.MaxJobs"/>.
    /// </summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Batches in flight at once: each holds one simulated-api invocation while its jobs are checked.</summary>
    public int MaxConcurrentBatches { get; init; } = 4;

    /// <summary>Claims, or callbacks, of one batch in flight at once (each is one HTTP call).</summary>
    public int MaxConcurrentCallsPerBatch { get; init; } = 8;

    /// <summary>
    /// How long a claim keeps other pollers off a record. Long enough for claim, check and callback of one batch;
    /// far shorter than the schedule's minute, so a record is checked every sweep. Correctness does not rest on it:
    /// what a poller writes after its claim is fenced on the claim id, so one that outlives its lease changes nothing.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Claim a batch's records, and close the ones called back, with one TransactWriteItems each instead of one UpdateItem
    /// per record (falling back to those when any condition fails). About 2.5× less CPU per swept record here
    /// (docs/performance.md), but on AWS a transactional write costs twice the write units, so it is off by default.
    /// </summary>
    public bool BatchWrites { get; init; }

    public void Validate()
    {
        if (BatchSize < 1 || BatchSize > Jobs.JobStatusBatch.MaxJobs)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"BatchSize must be between 1 and {Jobs.JobStatusBatch.MaxJobs}.");
        }

        if (MaxConcurrentBatches < 1 || MaxConcurrentCallsPerBatch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentBatches), "Concurrency limits must be at least 1.");
        }

        if (Lease <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Lease), Lease, "The lease must be positive.");
        }
    }
}
