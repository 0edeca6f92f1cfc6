using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;

namespace JobOrchestration.Functions.SimulatedApi;

/// <summary>
/// The external job API's behaviour: CREATE_JOB, CHECK_STATUS and CHECK_STATUS_BATCH over poc-jobs. The batch form is
/// what a real job service offers a client that tracks many jobs (one request instead of one per job); each job in it
/// is checked exactly as CHECK_STATUS checks it.
/// </summary>
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
            "CHECK_STATUS_BATCH" => (await CheckStatusesAsync(ParseJobIds(request), cancellationToken)).ToJson(),
            null => throw new UnknownAction("'action' is required: CREATE_JOB, CHECK_STATUS or CHECK_STATUS_BATCH."),
            _ => throw new UnknownAction($"Unknown action '{action}': expected CREATE_JOB, CHECK_STATUS or CHECK_STATUS_BATCH."),
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

    /// <summary>Checks each distinct job once; an id that names no job is reported in Errors as UnknownJob, not thrown.</summary>
    public async Task<JobStatusBatch> CheckStatusesAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        var distinct = jobIds.Distinct(StringComparer.Ordinal).ToArray();
        var now = time.GetUtcNow();
        var jobs = await repository.RecordChecksAsync(distinct, now, job => SimulatedJobRules.Evaluate(job, now).Status, cancellationToken);
        var reports = jobs.ToDictionary(j => j.JobId, j => SimulatedJobRules.Evaluate(j, now), StringComparer.Ordinal);
        return new JobStatusBatch(
            [.. distinct.Where(reports.ContainsKey).Select(id => reports[id])],
            [.. distinct.Where(id => !reports.ContainsKey(id)).Select(id => new JobCheckError(id, nameof(UnknownJob), $"Job '{id}' does not exist."))]);
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

    private static string[] ParseJobIds(JsonObject request)
    {
        if (request["jobIds"] is not JsonArray array || array.Count == 0)
        {
            throw new InvalidPayload("'jobIds' is required and must be a non-empty array of job ids.");
        }

        if (array.Count > JobStatusBatch.MaxJobs)
        {
            throw new InvalidPayload($"'jobIds' holds {array.Count} ids; at most {JobStatusBatch.MaxJobs} are allowed in one call.");
        }

        return [.. array.Select(node => node is JsonValue value && value.TryGetValue(out string? id) && !string.IsNullOrWhiteSpace(id)
            ? id
            : throw new InvalidPayload($"'jobIds' must hold non-empty strings, got {node?.ToJsonString() ?? "null"}."))];
    }

    private static JobRequest ParseCreate(JsonObject request) => new(
        JobScenarios.Parse(JsonPayload.RequiredString(request, "scenario")),
        JsonPayload.OptionalInt(request, "checksToComplete", 1),
        JsonPayload.OptionalString(request, "clientToken") is { Length: > 0 } token ? token : null);
}
