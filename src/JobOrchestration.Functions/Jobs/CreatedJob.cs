using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;

namespace JobOrchestration.Functions.Jobs;

/// <summary>The CREATE_JOB answer (docs/data-model.md: jobId, status, scenario, createdAt).</summary>
public sealed record CreatedJob(string JobId, string Status, JobScenario Scenario, DateTimeOffset CreatedAt)
{
    public JsonObject ToJson() => new()
    {
        ["jobId"] = JobId,
        ["status"] = Status,
        ["scenario"] = JobScenarios.ToWire(Scenario),
        ["createdAt"] = Iso8601.Write(CreatedAt),
    };

    public static CreatedJob FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        const string context = "CREATE_JOB response";
        return new CreatedJob(
            JsonPayload.RequiredString(json, "jobId", context),
            JsonPayload.RequiredString(json, "status", context),
            JobScenarios.Parse(JsonPayload.RequiredString(json, "scenario", context), $"{context}.scenario"),
            Iso8601.Read(JsonPayload.RequiredString(json, "createdAt", context)));
    }
}
