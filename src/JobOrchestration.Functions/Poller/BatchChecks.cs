using JobOrchestration.Functions.Jobs;

namespace JobOrchestration.Functions.Poller;

/// <summary>What one CHECK_STATUS_BATCH told about a batch's jobs; CallError is set when the whole call failed.</summary>
internal sealed record BatchChecks(IReadOnlyDictionary<string, JobStatusReport> Reports, IReadOnlyDictionary<string, string> Errors, string? CallError)
{
    public static BatchChecks None { get; } = new(new Dictionary<string, JobStatusReport>(), new Dictionary<string, string>(), null);

    /// <summary>The job's report, or null with the reason it has none.</summary>
    public JobStatusReport? Report(string jobId, out string? error)
    {
        if (Reports.TryGetValue(jobId, out var report))
        {
            error = null;
            return report;
        }

        error = Errors.TryGetValue(jobId, out var failure) ? failure : CallError ?? "the job API did not answer for this job";
        return null;
    }
}
