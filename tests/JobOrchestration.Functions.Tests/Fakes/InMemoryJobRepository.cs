using JobOrchestration.Functions.SimulatedApi;

namespace JobOrchestration.Functions.Tests.Fakes;

/// <summary>poc-jobs in memory: conditional create and atomic increment, as the DynamoDB repository does them.</summary>
internal sealed class InMemoryJobRepository : IJobRepository
{
    private readonly object gate = new();
    private readonly Dictionary<string, SimulatedJob> jobs = [];

    public IReadOnlyList<SimulatedJob> All
    {
        get
        {
            lock (gate)
            {
                return [.. jobs.Values];
            }
        }
    }

    public Task<SimulatedJob> CreateAsync(SimulatedJob job, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(jobs.TryAdd(job.JobId, job) ? job : jobs[job.JobId]);
        }
    }

    public Task<SimulatedJob?> RecordCheckAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!jobs.TryGetValue(jobId, out var job))
            {
                return Task.FromResult<SimulatedJob?>(null);
            }

            jobs[jobId] = job with { Checks = job.Checks + 1 };
            return Task.FromResult<SimulatedJob?>(jobs[jobId]);
        }
    }

    public Task SetStatusAsync(string jobId, string status, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            jobs[jobId] = jobs[jobId] with { Status = status };
        }

        return Task.CompletedTask;
    }
}
