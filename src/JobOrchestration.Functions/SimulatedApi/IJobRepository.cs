namespace JobOrchestration.Functions.SimulatedApi;

/// <summary>Storage of simulated jobs (the poc-jobs table).</summary>
public interface IJobRepository
{
    /// <summary>Stores the job unless one with its id exists; returns whichever job is stored afterwards.</summary>
    Task<SimulatedJob> CreateAsync(SimulatedJob job, CancellationToken cancellationToken);

    /// <summary>Adds one to the job's check count atomically and returns the job after the change; null when no such job.</summary>
    Task<SimulatedJob?> RecordCheckAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken);

    Task SetStatusAsync(string jobId, string status, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="RecordCheckAsync"/> for many jobs at once: each known job gets exactly one more check and the status
    /// <paramref name="statusAfterCheck"/> gives it; returns the jobs after the change, leaving out ids that do not exist.
    /// </summary>
    Task<IReadOnlyList<SimulatedJob>> RecordChecksAsync(
        IReadOnlyList<string> jobIds, DateTimeOffset now, Func<SimulatedJob, string> statusAfterCheck, CancellationToken cancellationToken);
}
