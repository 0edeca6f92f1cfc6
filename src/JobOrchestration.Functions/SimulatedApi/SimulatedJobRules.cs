using System.Text.Json.Nodes;
using JobOrchestration.Functions.Jobs;

namespace JobOrchestration.Functions.SimulatedApi;

/// <summary>What a job reports after a check: its scenario decides, once it has been checked checksToComplete times.</summary>
internal static class SimulatedJobRules
{
    public const int DefaultChecksToComplete = 2;

    public static JobStatusReport Evaluate(SimulatedJob job, DateTimeOffset now)
    {
        var elapsed = Math.Max(0L, (long)Math.Floor((now - job.CreatedAt).TotalSeconds));
        var finished = job.Scenario != JobScenario.Never && job.Checks >= job.ChecksToComplete;
        if (!finished)
        {
            return new JobStatusReport(job.JobId, JobStatus.Running, job.Checks, elapsed);
        }

        if (job.Scenario == JobScenario.Complete)
        {
            var result = new JsonObject
            {
                ["recordsProcessed"] = job.ChecksToComplete * 1000,
                ["outputLocation"] = $"s3://poc-job-results/{job.JobId}/output.json",
            };
            return new JobStatusReport(job.JobId, JobStatus.Completed, job.Checks, elapsed, Result: result);
        }

        return new JobStatusReport(
            job.JobId,
            JobStatus.Failed,
            job.Checks,
            elapsed,
            Error: $"Simulated failure: job {job.JobId} failed after {job.Checks} checks.");
    }
}
