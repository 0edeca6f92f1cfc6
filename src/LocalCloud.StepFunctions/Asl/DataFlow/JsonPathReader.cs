using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Intrinsics;
using LocalCloud.StepFunctions.Asl.JsonPath;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.DataFlow;

/// <summary>
/// Reads JSONPath references: "$…" from the input, "$$…" from the context object, "$name…" from a workflow variable
/// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html#using-variables-jsonpath), and
/// expands Parameters-style templates whose "key.$" fields hold such a reference or an intrinsic function.
/// </summary>
public static class JsonPathReader
{
    // Paths come from state machine definitions, so a few thousand cover any realistic set; past that, parse each time.
    private const int MaxCachedPaths = 4096;
    private static readonly ConcurrentDictionary<string, PathReference?> ParsedPaths = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IntrinsicNode.FunctionCall> ParsedIntrinsics = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<JsonObject, TemplateField[]> Fields = new();

    public static bool TryRead(string path, JsonNode? input, IStateScope scope, out JsonNode? value)
        => TryRead(path, input, scope, null, out value);

    /// <summary>As above, with <paramref name="context"/> standing for the state's context object (a Map item's).</summary>
    public static bool TryRead(string path, JsonNode? input, IStateScope scope, JsonNode? context, out JsonNode? value)
    {
        value = null;
        return TryRoot(path, input, scope, context, out var reference, out var root) && reference.Path.TrySelect(root, out value);
    }

    /// <summary>
    /// Reads without copying: the value may still sit in the input's (or a variable's, or the context's) tree, so the
    /// caller must neither change it nor put it into another tree. For Choice rules and ItemsPath, which only look.
    /// </summary>
    public static bool TryPeek(string path, JsonNode? input, IStateScope scope, out JsonNode? value)
    {
        value = null;
        return TryRoot(path, input, scope, null, out var reference, out var root) && reference.Path.TryPeek(root, out value);
    }

    private static bool TryRoot(string path, JsonNode? input, IStateScope scope, JsonNode? context, [NotNullWhen(true)] out PathReference? reference, out JsonNode? root)
    {
        root = null;
        reference = Parse(path);
        switch (reference?.Root)
        {
            case null:
                return false;
            case PathRoot.Context:
                root = context ?? scope.Context;
                return true;
            case PathRoot.Variable:
                return scope.Variables.TryGet(reference.Variable!, out root);
            default:
                root = input;
                return true;
        }
    }

    /// <summary>Copies a Parameters/ResultSelector/Assign template, replacing every "key.$" field by what its reference selects.</summary>
    public static JsonNode? Expand(JsonNode template, JsonNode? input, IStateScope scope, JsonNode? context = null)
    {
        switch (template)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var field in Fields.GetValue(obj, Compile))
                {
                    result[field.Name] = field.Path is { } path ? Resolve(field.Key, path, input, scope, context)
                        : field.Value is null ? null : Expand(field.Value, input, scope, context);
                }
                return result;
            case JsonArray array:
                return new JsonArray(array.Select(item => item is null ? null : Expand(item, input, scope, context)).ToArray());
            default:
                return template.DeepClone();
        }
    }

    /// <summary>
    /// A template object's fields as Expand uses them, worked out once per template (templates come from definitions
    /// and are never changed): the output name without ".$" and the reference as a string. Reading them anew cost
    /// two strings per field on every visit.
    /// </summary>
    private static TemplateField[] Compile(JsonObject template)
        => [.. template.Select(f => f.Key.EndsWith(".$", StringComparison.Ordinal) && f.Value is JsonValue v && v.TryGetValue<string>(out var path)
            ? new TemplateField(f.Key, f.Key[..^2], path, null)
            : new TemplateField(f.Key, f.Key, null, f.Value))];

    private static JsonNode? Resolve(string key, string path, JsonNode? input, IStateScope scope, JsonNode? context)
    {
        if (path.StartsWith("States.", StringComparison.Ordinal))
        {
            return IntrinsicEvaluator.Evaluate(ParseIntrinsic(path), (string p, out JsonNode? v) => TryRead(p, input, scope, context, out v));
        }
        if (TryRead(path, input, scope, context, out var value))
        {
            return value;
        }
        var where = Parse(path)?.Root switch
        {
            PathRoot.Variable => "the variables",
            PathRoot.Context => $"the input '{(context ?? scope.Context).ToJsonString()}'",
            _ => $"the input '{input?.ToJsonString() ?? "null"}'",
        };
        throw new StatesFailureException(StatesErrors.ParameterPathFailure,
            $"The JSONPath '{path}' specified for the field '{key}' could not be found in {where}");
    }

    private static IntrinsicNode.FunctionCall ParseIntrinsic(string text)
    {
        if (ParsedIntrinsics.TryGetValue(text, out var cached))
        {
            return cached;
        }
        // A text that does not parse throws here, each time, as before.
        var parsed = IntrinsicParser.Parse(text);
        if (ParsedIntrinsics.Count < MaxCachedPaths)
        {
            ParsedIntrinsics.TryAdd(text, parsed);
        }
        return parsed;
    }

    /// <summary>Parameters, ResultSelector and Choice read the same few paths on every state visit: parse each once.</summary>
    private static PathReference? Parse(string text)
    {
        if (ParsedPaths.TryGetValue(text, out var cached))
        {
            return cached;
        }
        var parsed = PathReference.TryParse(text, out var reference, out _) ? reference : null;
        if (ParsedPaths.Count < MaxCachedPaths)
        {
            ParsedPaths.TryAdd(text, parsed);
        }
        return parsed;
    }

    /// <summary>One field of a Parameters-style template: <see cref="Path"/> set for a "key.$" reference, else the literal <see cref="Value"/>.</summary>
    private sealed record TemplateField(string Key, string Name, string? Path, JsonNode? Value);
}
