using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>Builders for history-event details, shaped as the API model's *EventDetails structures.</summary>
public static class Events
{
    public static JsonObject Data(string field, string? json, params (string Key, JsonNode? Value)[] extra)
    {
        var details = new JsonObject();
        foreach (var (key, value) in extra)
        {
            if (value is not null)
            {
                details[key] = value;
            }
        }
        details[field] = json;
        details[field + "Details"] = new JsonObject { ["truncated"] = false };
        return details;
    }

    public static JsonObject Error(string? error, string? cause, params (string Key, JsonNode? Value)[] extra)
    {
        var details = new JsonObject();
        foreach (var (key, value) in extra)
        {
            if (value is not null)
            {
                details[key] = value;
            }
        }
        if (!string.IsNullOrEmpty(error))
        {
            details["error"] = error;
        }
        if (cause is not null)
        {
            details["cause"] = cause;
        }
        return details;
    }

    /// <summary>JSON text as AWS writes it in history and outputs: apostrophes and angle brackets are not \\u-escaped.</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString(Asl.Intrinsics.IntrinsicFunctions.AwsJsonText) ?? "null";
}
