namespace JobOrchestration.Functions.Jobs;

/// <summary>The external job API as create-job and the poller see it.</summary>
public interface IJobApi
{
    Task<CreatedJob> CreateJobAsync(JobRequest request, CancellationToken cancellationToken);

    Task<JobStatusReport> CheckStatusAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Checks up to <see cref="JobStatusBatch.MaxJobs"/> jobs in one call; each counts as one CHECK_STATUS.</summary>
    Task<JobStatusBatch> CheckStatusesAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken);
}
