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

    public Task<IReadOnlyList<SimulatedJob>> RecordChecksAsync(
        IReadOnlyList<string> jobIds, DateTimeOffset now, Func<SimulatedJob, string> statusAfterCheck, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var done = new List<SimulatedJob>();
            foreach (var id in jobIds.Distinct(StringComparer.Ordinal))
            {
                if (jobs.TryGetValue(id, out var job))
                {
                    var next = job with { Checks = job.Checks + 1 };
                    jobs[id] = next with { Status = statusAfterCheck(next) };
                    done.Add(jobs[id]);
                }
            }

            return Task.FromResult<IReadOnlyList<SimulatedJob>>(done);
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
