using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Intrinsics;
using LocalCloud.StepFunctions.Asl.JsonPath;

namespace LocalCloud.StepFunctions.Asl.DataFlow;

/// <summary>ASL's JSONPath query language (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html).</summary>
public sealed class JsonPathDataFlow : IDataFlow
{
    // Paths come from state machine definitions, so a few thousand cover any realistic set; past that, parse each time.
    private const int MaxCachedPaths = 4096;
    private static readonly ConcurrentDictionary<string, JsonPathExpression?> ParsedPaths = new(StringComparer.Ordinal);

    public static JsonPathDataFlow Instance { get; } = new();

    public JsonNode? SelectInput(StateDataFields fields, JsonNode? rawInput)
        => Select(fields.InputPath, rawInput, "InputPath");

    public JsonNode? ApplyParameters(StateDataFields fields, JsonNode? input, JsonNode context)
        => fields.Parameters is null ? input : Expand(fields.Parameters, input, context);

    public JsonNode? SelectResult(StateDataFields fields, JsonNode? result, JsonNode context)
        => fields.ResultSelector is null ? result : Expand(fields.ResultSelector, result, context);

    public JsonNode? MergeResult(StateDataFields fields, JsonNode? rawInput, JsonNode? result)
    {
        if (fields.DiscardResult)
        {
            return rawInput?.DeepClone();
        }
        return (fields.ResultPath ?? ReferencePath.Root).Apply(rawInput, result?.DeepClone());
    }

    public JsonNode? SelectOutput(StateDataFields fields, JsonNode? output)
        => Select(fields.OutputPath, output, "OutputPath");

    public bool TryRead(string path, JsonNode? input, JsonNode context, out JsonNode? value)
    {
        var (text, root) = path.StartsWith("$$", StringComparison.Ordinal) ? (path[1..], (JsonNode?)context) : (path, input);
        value = null;
        return Parse(text) is { } parsed && parsed.TrySelect(root, out value);
    }

    /// <summary>Parameters, ResultSelector and Choice read the same few paths on every state visit: parse each once.</summary>
    private static JsonPathExpression? Parse(string text)
    {
        if (ParsedPaths.TryGetValue(text, out var cached))
        {
            return cached;
        }
        var parsed = JsonPathExpression.TryParse(text, out var path, out _) ? path : null;
        if (ParsedPaths.Count < MaxCachedPaths)
        {
            ParsedPaths.TryAdd(text, parsed);
        }
        return parsed;
    }

    private static JsonNode? Select(PathSpec spec, JsonNode? node, string field)
    {
        if (spec.Path is null)
        {
            return new JsonObject();
        }
        if (spec.Path.TrySelect(node, out var value))
        {
            return value;
        }
        throw new StatesFailureException(StatesErrors.Runtime,
            $"Invalid path '{spec.Path.Text}' : No results for path: {spec.Path.Text} (applying {field} to {node?.ToJsonString() ?? "null"})");
    }

    /// <summary>Copies a Parameters/ResultSelector template, replacing every "key.$" field by what its path selects.</summary>
    private JsonNode? Expand(JsonNode template, JsonNode? input, JsonNode context)
    {
        switch (template)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal) && value is JsonValue v && v.TryGetValue<string>(out var path))
                    {
                        result[key[..^2]] = Resolve(key, path, input, context);
                    }
                    else
                    {
                        result[key] = value is null ? null : Expand(value, input, context);
                    }
                }
                return result;
            case JsonArray array:
                return new JsonArray(array.Select(item => item is null ? null : Expand(item, input, context)).ToArray());
            default:
                return template.DeepClone();
        }
    }

    private JsonNode? Resolve(string key, string path, JsonNode? input, JsonNode context)
    {
        if (path.StartsWith("States.", StringComparison.Ordinal))
        {
            return IntrinsicEvaluator.Evaluate(IntrinsicParser.Parse(path), (string p, out JsonNode? v) => TryRead(p, input, context, out v));
        }
        if (TryRead(path, input, context, out var value))
        {
            return value;
        }
        var source = path.StartsWith("$$", StringComparison.Ordinal) ? context : input;
        throw new StatesFailureException(StatesErrors.ParameterPathFailure,
            $"The JSONPath '{path}' specified for the field '{key}' could not be found in the input '{source?.ToJsonString() ?? "null"}'");
    }
}
