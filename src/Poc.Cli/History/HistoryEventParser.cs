using System.Globalization;
using System.Text.Json;

namespace Poc.Cli.History;

/// <summary>
/// Reads history events in GetExecutionHistory's wire shape (awsJson1.0: timestamps are epoch seconds),
/// from either the whole response (<c>{"events":[…]}</c>) or the events array.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html</remarks>
public static class HistoryEventParser
{
    /// <summary>Parses a JSON text.</summary>
    public static IReadOnlyList<HistoryEvent> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Parse(doc.RootElement);
    }

    /// <summary>Parses a response object or an events array.</summary>
    public static IReadOnlyList<HistoryEvent> Parse(JsonElement root)
    {
        var events = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var array) ? array : root;
        if (events.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("Expected a history events array or an object with \"events\".");
        }

        return [.. events.EnumerateArray().Select(ParseEvent).OrderBy(e => e.Id)];
    }

    /// <summary>Parses one event object.</summary>
    public static HistoryEvent ParseEvent(JsonElement e)
        => FromDetails(e.GetProperty("id").GetInt64(), ReadTimestamp(e.GetProperty("timestamp")), e.GetProperty("type").GetString() ?? "", Details(e));

    /// <summary>Builds an event from its id, time, type and its one "…EventDetails" object.</summary>
    public static HistoryEvent FromDetails(long id, DateTimeOffset timestamp, string type, JsonElement? details) => new(id, timestamp, type)
    {
        StateName = String(details, "name"),
        Resource = type == "TaskScheduled" ? $"{String(details, "resourceType")}:{String(details, "resource")}" : null,
        Parameters = String(details, "parameters"),
        Error = String(details, "error"),
        Cause = String(details, "cause"),
    };

    /// <summary>Epoch seconds (the wire form) or an ISO-8601 string (what some tools print).</summary>
    public static DateTimeOffset ReadTimestamp(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value.GetDouble() * 1000)),
        JsonValueKind.String => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new JsonException($"Unexpected timestamp {value}."),
    };

    // Each event carries at most one "<type>EventDetails" member; which one depends on the type.
    private static JsonElement? Details(JsonElement e)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (property.Name.EndsWith("EventDetails", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.Object)
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? String(JsonElement? details, string name)
        => details is { } d && d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
