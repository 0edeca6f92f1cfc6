using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;

namespace JobOrchestration.Functions.Jobs;

/// <summary>
/// The CHECK_STATUS_BATCH answer: {"jobs":[CHECK_STATUS answers…],"errors":[{"jobId","errorType","errorMessage"}…]}.
/// Every job asked for appears in exactly one of the two lists.
/// </summary>
public sealed record JobStatusBatch(IReadOnlyList<JobStatusReport> Jobs, IReadOnlyList<JobCheckError> Errors)
{
    /// <summary>Most job ids one call takes: one poller batch, and a response far below Lambda's 6 MB payload limit.</summary>
    public const int MaxJobs = 100;

    public JsonObject ToJson() => new()
    {
        ["jobs"] = new JsonArray([.. Jobs.Select(j => (JsonNode)j.ToJson())]),
        ["errors"] = new JsonArray([.. Errors.Select(e => (JsonNode)new JsonObject
        {
            ["jobId"] = e.JobId,
            ["errorType"] = e.ErrorType,
            ["errorMessage"] = e.ErrorMessage,
        })]),
    };

    public static JobStatusBatch FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        const string context = "CHECK_STATUS_BATCH response";
        var jobs = Array(json, "jobs", context).Select(node => JobStatusReport.FromJson(node as JsonObject
            ?? throw new InvalidPayload($"'{context}.jobs' must hold objects, got {node?.ToJsonString() ?? "null"}.")));
        var errors = Array(json, "errors", context).Select(node => node is JsonObject error
            ? new JobCheckError(
                JsonPayload.RequiredString(error, "jobId", $"{context}.errors"),
                JsonPayload.OptionalString(error, "errorType", $"{context}.errors") ?? "Unknown",
                JsonPayload.OptionalString(error, "errorMessage", $"{context}.errors") ?? string.Empty)
            : throw new InvalidPayload($"'{context}.errors' must hold objects, got {node?.ToJsonString() ?? "null"}."));
        return new JobStatusBatch([.. jobs], [.. errors]);
    }

    private static JsonArray Array(JsonObject json, string name, string context) => json[name] switch
    {
        null => [],
        JsonArray array => array,
        var other => throw new InvalidPayload($"'{context}.{name}' must be an array, got {other.ToJsonString()}."),
    };
}
