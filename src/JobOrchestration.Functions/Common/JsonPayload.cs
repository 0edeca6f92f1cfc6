using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JobOrchestration.Functions.Common;

/// <summary>Reads and validates the JSON the handlers receive, and writes what they return, with no serializer package.</summary>
internal static class JsonPayload
{
    public static async Task<JsonObject> ReadObjectAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(input, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidPayload($"The payload is not valid JSON: {ex.Message}", ex);
        }

        return node as JsonObject ?? throw new InvalidPayload("The payload must be a JSON object.");
    }

    public static Stream ToStream(JsonNode node) => new MemoryStream(Encoding.UTF8.GetBytes(node.ToJsonString()));

    public static string RequiredString(JsonObject payload, string name, string? context = null)
    {
        var value = OptionalString(payload, name, context);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidPayload($"'{Qualified(name, context)}' is required and must be a non-empty string.")
            : value;
    }

    public static string? OptionalString(JsonObject payload, string name, string? context = null)
    {
        if (!payload.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        throw new InvalidPayload($"'{Qualified(name, context)}' must be a string.");
    }

    public static int? OptionalInt(JsonObject payload, string name, int minimum, string? context = null)
    {
        if (!payload.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out int number) && number >= minimum)
        {
            return number;
        }

        // A node built in memory from a long (not parsed from text) converts only to long.
        if (node is JsonValue whole && whole.GetValueKind() == JsonValueKind.Number && whole.TryGetValue(out long l) && l >= minimum && l <= int.MaxValue)
        {
            return (int)l;
        }

        // Step Functions passes numbers through as JSON numbers, but a double like 2.0 still names an integer.
        if (node is JsonValue real && real.GetValueKind() == JsonValueKind.Number && real.TryGetValue(out double d)
            && d == Math.Floor(d) && d >= minimum && d <= int.MaxValue)
        {
            return (int)d;
        }

        throw new InvalidPayload($"'{Qualified(name, context)}' must be an integer of at least {minimum}, got {node.ToJsonString()}.");
    }

    private static string Qualified(string name, string? context) => context is null ? name : $"{context}.{name}";
}
