using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalCloud.HostileInput.Tests.Models;

/// <summary>
/// Builds a request that follows an operation's input shape: every member present with a value of the modelled
/// type (enums take a listed value, strings respect min length). Mutations start from here, so they probe the
/// validation of each field rather than stopping at the first missing one.
/// </summary>
public static class SampleBuilder
{
    private const int MaxDepth = 6;

    public static RequestSkeleton Build(ApiOperation operation, Random random)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var skeleton = new RequestSkeleton(new JsonObject(), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.OrdinalIgnoreCase));
        if (operation.Input is not { } input || !input.TryGetProperty("members", out var members))
        {
            return skeleton;
        }
        foreach (var member in members.EnumerateObject())
        {
            var shapeName = member.Value.GetProperty("shape").GetString()!;
            var value = Value(operation.Model, member.Name, shapeName, random, 0);
            var location = member.Value.TryGetProperty("location", out var l) ? l.GetString() : null;
            var wireName = member.Value.TryGetProperty("locationName", out var n) ? n.GetString()! : member.Name;
            switch (location)
            {
                case "uri":
                    skeleton.Labels[wireName] = Scalar(value);
                    break;
                case "querystring":
                    skeleton.Query[wireName] = Scalar(value);
                    break;
                case "header" or "headers":
                    if (value is JsonValue)
                    {
                        skeleton.Headers[wireName] = Scalar(value);
                    }
                    break;
                default:
                    skeleton.Body[member.Name] = value;
                    break;
            }
        }
        return skeleton;
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        null => string.Empty,
        _ => value.ToJsonString(),
    };

    private static JsonNode? Value(ApiModel model, string memberName, string shapeName, Random random, int depth)
    {
        var shape = model.Shape(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                var obj = new JsonObject();
                if (depth < MaxDepth && shape.TryGetProperty("members", out var members))
                {
                    foreach (var member in members.EnumerateObject())
                    {
                        var required = shape.TryGetProperty("required", out var r) && r.EnumerateArray().Any(x => x.GetString() == member.Name);
                        // Unions and huge optional trees: keep required members and about half the rest.
                        if (required || random.Next(2) == 0)
                        {
                            obj[member.Name] = Value(model, member.Name, member.Value.GetProperty("shape").GetString()!, random, depth + 1);
                        }
                    }
                }
                return obj;
            case "list":
                return depth < MaxDepth
                    ? new JsonArray(Value(model, memberName, shape.GetProperty("member").GetProperty("shape").GetString()!, random, depth + 1))
                    : new JsonArray();
            case "map":
                return depth < MaxDepth
                    ? new JsonObject { ["k" + random.Next(100)] = Value(model, memberName, shape.GetProperty("value").GetProperty("shape").GetString()!, random, depth + 1) }
                    : new JsonObject();
            case "boolean":
                return random.Next(2) == 0;
            case "integer" or "long":
                var min = shape.TryGetProperty("min", out var mn) ? mn.GetInt64() : 0;
                return Math.Max(min, random.Next(0, 10));
            case "double" or "float":
                return random.NextDouble() * 10;
            case "timestamp":
                return 1_700_000_000 + random.Next(1_000_000);
            case "blob":
                return Convert.ToBase64String("fuzz"u8);
            default:
                return StringValue(memberName, shape, random);
        }
    }

    private static string StringValue(string memberName, JsonElement shape, Random random)
    {
        // Most of the time name a resource that exists, so the request gets past the lookup.
        if (KnownResources.MemberValues.TryGetValue(memberName, out var known) && random.Next(4) != 0)
        {
            return known;
        }
        if (shape.TryGetProperty("enum", out var values))
        {
            var all = values.EnumerateArray().Select(v => v.GetString()!).ToArray();
            return all[random.Next(all.Length)];
        }
        var text = memberName.Contains("Arn", StringComparison.OrdinalIgnoreCase)
            ? "arn:aws:states:us-east-1:000000000000:stateMachine:fuzz" + random.Next(100).ToString(CultureInfo.InvariantCulture)
            : "fuzz" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
        var min = shape.TryGetProperty("min", out var m) ? m.GetInt32() : 0;
        return text.Length >= min ? text : text.PadRight(min, 'x');
    }
}
