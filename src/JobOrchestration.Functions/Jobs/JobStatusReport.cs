using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;

namespace JobOrchestration.Functions.Jobs;

/// <summary>The CHECK_STATUS answer (docs/data-model.md). Result is set when COMPLETED, Error when FAILED.</summary>
public sealed record JobStatusReport(string JobId, string Status, int Checks, long ElapsedSeconds, JsonObject? Result = null, string? Error = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["jobId"] = JobId,
            ["status"] = Status,
            ["checks"] = Checks,
            ["elapsedSeconds"] = ElapsedSeconds,
        };
        if (Result is not null)
        {
            json["result"] = Result.DeepClone();
        }

        if (Error is not null)
        {
            json["error"] = Error;
        }

        return json;
    }

    public static JobStatusReport FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        const string context = "CHECK_STATUS response";
        var result = json["result"] switch
        {
            null => null,
            JsonObject obj => (JsonObject)obj.DeepClone(),
            var other => throw new InvalidPayload($"'{context}.result' must be an object, got {other.ToJsonString()}."),
        };
        return new JobStatusReport(
            JsonPayload.RequiredString(json, "jobId", context),
            JsonPayload.RequiredString(json, "status", context),
            JsonPayload.OptionalInt(json, "checks", 0, context) ?? 0,
            JsonPayload.OptionalInt(json, "elapsedSeconds", 0, context) ?? 0,
            result,
            JsonPayload.OptionalString(json, "error", context));
    }
}
