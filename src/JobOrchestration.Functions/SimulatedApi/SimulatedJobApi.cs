using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;

namespace JobOrchestration.Functions.SimulatedApi;

/// <summary>The external job API's behaviour: CREATE_JOB and CHECK_STATUS over poc-jobs.</summary>
public sealed class SimulatedJobApi(IJobRepository repository, TimeProvider time)
{
    public async Task<JsonObject> HandleAsync(JsonObject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = request["action"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
        return action switch
        {
            "CREATE_JOB" => (await CreateJobAsync(ParseCreate(request), cancellationToken)).ToJson(),
            "CHECK_STATUS" => (await CheckStatusAsync(JsonPayload.RequiredString(request, "jobId"), cancellationToken)).ToJson(),
            null => throw new UnknownAction("'action' is required: CREATE_JOB or CHECK_STATUS."),
            _ => throw new UnknownAction($"Unknown action '{action}': expected CREATE_JOB or CHECK_STATUS."),
        };
    }

    public async Task<CreatedJob> CreateJobAsync(JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = new SimulatedJob(
            JobIdFor(request.ClientToken),
            JobStatus.Running,
            request.Scenario,
            request.ChecksToComplete ?? SimulatedJobRules.DefaultChecksToComplete,
            0,
            time.GetUtcNow(),
            request.ClientToken);
        var stored = await repository.CreateAsync(job, cancellationToken);
        return new CreatedJob(stored.JobId, stored.Status, stored.Scenario, stored.CreatedAt);
    }

    public async Task<JobStatusReport> CheckStatusAsync(string jobId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var job = await repository.RecordCheckAsync(jobId, now, cancellationToken)
            ?? throw new UnknownJob($"Job '{jobId}' does not exist.");
        var report = SimulatedJobRules.Evaluate(job, now);
        if (report.Status != job.Status)
        {
            await repository.SetStatusAsync(jobId, report.Status, cancellationToken);
        }

        return report;
    }

    // The job id is derived from the client token, so a conditional put on the table's key is the idempotency check:
    // the same token can only ever name one item.
    internal static string JobIdFor(string? clientToken)
    {
        if (clientToken is null)
        {
            return $"job-{Guid.NewGuid():N}";
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(clientToken));
        return $"job-{Convert.ToHexString(hash, 0, 16).ToLowerInvariant()}";
    }

    private static JobRequest ParseCreate(JsonObject request) => new(
        JobScenarios.Parse(JsonPayload.RequiredString(request, "scenario")),
        JsonPayload.OptionalInt(request, "checksToComplete", 1),
        JsonPayload.OptionalString(request, "clientToken") is { Length: > 0 } token ? token : null);
}
