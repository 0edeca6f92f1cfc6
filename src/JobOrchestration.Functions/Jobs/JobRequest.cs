using System.Text.Json.Nodes;

namespace JobOrchestration.Functions.Jobs;

/// <summary>A CREATE_JOB call. ClientToken makes it idempotent: the same token always names the same job.</summary>
public sealed record JobRequest(JobScenario Scenario, int? ChecksToComplete, string? ClientToken)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["action"] = "CREATE_JOB",
            ["scenario"] = JobScenarios.ToWire(Scenario),
        };
        if (ChecksToComplete is { } checks)
        {
            json["checksToComplete"] = checks;
        }

        if (ClientToken is not null)
        {
            json["clientToken"] = ClientToken;
        }

        return json;
    }
}
