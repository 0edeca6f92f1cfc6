using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.JsonPath;

/// <summary>
/// A Reference Path (ResultPath): a definite path of names and indexes that says where to put a value.
/// Missing objects on the way are created; a non-object on the way is States.ResultPathMatchFailure.
/// </summary>
public sealed class ReferencePath
{
    private ReferencePath(JsonPathExpression path) => Path = path;

    public JsonPathExpression Path { get; }

    public string Text => Path.Text;

    public static ReferencePath Root { get; } = new(JsonPathExpression.Parse("$"));

    public static bool TryParse(string text, out ReferencePath? path, out string? error)
    {
        path = null;
        if (!JsonPathExpression.TryParse(text, out var parsed, out error))
        {
            return false;
        }
        if (!parsed!.IsDefinite)
        {
            error = "a reference path may only use names and indexes";
            return false;
        }
        path = new ReferencePath(parsed);
        return true;
    }

    /// <summary>Puts <paramref name="value"/> into a copy of <paramref name="input"/> at this path.</summary>
    public JsonNode? Apply(JsonNode? input, JsonNode? value)
    {
        if (Path.Segments.Count == 0)
        {
            return value;
        }
        var root = input?.DeepClone();
        if (root is not JsonObject && Path.Segments[0] is JsonPathSegment.Member)
        {
            throw Mismatch(input);
        }
        var current = root;
        for (var i = 0; i < Path.Segments.Count; i++)
        {
            var last = i == Path.Segments.Count - 1;
            switch (Path.Segments[i], current)
            {
                case (JsonPathSegment.Member m, JsonObject o):
                    if (last)
                    {
                        o[m.Name] = value;
                        break;
                    }
                    if (!o.TryGetPropertyValue(m.Name, out var next) || next is null)
                    {
                        next = new JsonObject();
                        o[m.Name] = next;
                    }
                    current = next;
                    break;
                case (JsonPathSegment.Index ix, JsonArray a) when ix.Position >= 0 && ix.Position < a.Count:
                    if (last)
                    {
                        a[ix.Position] = value;
                        break;
                    }
                    current = a[ix.Position];
                    break;
                default:
                    throw Mismatch(input);
            }
        }
        return root;
    }

    public override string ToString() => Text;

    private StatesFailureException Mismatch(JsonNode? input)
        => new(StatesErrors.ResultPathMatchFailure, $"Unable to apply ReferencePath {Text} to input {input?.ToJsonString() ?? "null"}");
}
