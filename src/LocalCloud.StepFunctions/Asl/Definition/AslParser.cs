using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.ErrorHandling;
using LocalCloud.StepFunctions.Asl.Intrinsics;
using LocalCloud.StepFunctions.Asl.JsonPath;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Definition;

/// <summary>
/// Parses an ASL definition and checks it as CreateStateMachine does, collecting every diagnostic
/// (codes and "at /States/…" locations as AWS writes them) before refusing.
/// </summary>
public sealed partial class AslParser
{
    private static readonly HashSet<string> TopLevelFields = new(StringComparer.Ordinal) { "Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage" };

    private readonly List<string> _errors = [];

    public static StateMachineDefinition Parse(string definition) => new AslParser().ParseDefinition(definition);

    private StateMachineDefinition ParseDefinition(string definition)
    {
        JsonObject root;
        try
        {
            // Duplicate names would otherwise surface later as an ArgumentException (a 500) when the object is enumerated.
            root = JsonNode.Parse(definition, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw new AslDefinitionException(["INVALID_JSON_DESCRIPTION: The definition must be a JSON object"]);
        }
        catch (JsonException e)
        {
            throw new AslDefinitionException([$"INVALID_JSON_DESCRIPTION: {e.Message}"]);
        }
        RejectUnknownFields(root, TopLevelFields, string.Empty);
        if (root["QueryLanguage"] is JsonNode ql && ql.GetValueKind() == JsonValueKind.String && ql.GetValue<string>() != "JSONPath")
        {
            _errors.Add("SCHEMA_VALIDATION_FAILED: LocalCloud supports only the JSONPath query language at /QueryLanguage");
        }
        var startAt = String(root, "StartAt", "/StartAt");
        if (startAt is null)
        {
            _errors.Add("SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt] at /");
        }
        var timeout = PositiveInteger(root, "TimeoutSeconds", "/TimeoutSeconds");
        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        if (root["States"] is not JsonObject statesNode)
        {
            _errors.Add("SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /");
            throw new AslDefinitionException(_errors);
        }
        foreach (var (name, node) in statesNode)
        {
            if (ParseState(name, node, $"/States/{name}") is { } state)
            {
                states[name] = state;
            }
        }
        if (_errors.Count == 0)
        {
            CheckTransitions(startAt!, statesNode, string.Empty);
        }
        var comment = String(root, "Comment", "/Comment");
        if (_errors.Count > 0)
        {
            throw new AslDefinitionException(_errors);
        }
        return new StateMachineDefinition(startAt!, states, timeout, comment);
    }

    private State? ParseState(string name, JsonNode? node, string at)
    {
        if (name.Length is 0 or > 80)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: State names must be 1 to 80 characters at {at}");
        }
        if (node is not JsonObject obj)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: A state must be a JSON object at {at}");
            return null;
        }
        var type = String(obj, "Type", at + "/Type");
        if (type is null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: These fields are required: [Type] at {at}");
            return null;
        }
        if (!StateFieldRules.Allowed.TryGetValue(type, out var allowed))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Value is not a valid state type: '{type}' at {at}/Type");
            return null;
        }
        var before = _errors.Count;
        RejectUnknownFields(obj, allowed, at);
        var next = ParseTransition(obj, type, at);
        State? state = type switch
        {
            "Pass" => new PassState(name, next, DataFields(obj, at), obj["Result"]?.DeepClone()),
            "Task" => ParseTask(name, next, obj, at),
            "Choice" => ParseChoice(name, obj, at),
            "Wait" => ParseWait(name, next, obj, at),
            "Succeed" => new SucceedState(name, DataFields(obj, at)),
            "Parallel" => ParseParallel(name, next, obj, at),
            "Map" => ParseMap(name, next, obj, at),
            _ => ParseFail(name, obj, at),
        };
        return _errors.Count == before ? state : null;
    }

    private void RejectUnknownFields(JsonObject obj, IReadOnlySet<string> allowed, string at)
    {
        foreach (var (field, _) in obj)
        {
            if (!allowed.Contains(field))
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: Field '{field}' is not supported at {(at.Length == 0 ? "/" : at)}");
            }
        }
    }

    private string? ParseTransition(JsonObject obj, string type, string at)
    {
        var next = String(obj, "Next", at + "/Next");
        var end = obj["End"] is JsonNode e && e.GetValueKind() == JsonValueKind.True;
        if (StateFieldRules.Terminal.Contains(type))
        {
            return null;
        }
        if (next is not null && end)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Only one of 'Next' or 'End' may be given at {at}");
        }
        else if (next is null && !end)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: The field 'Next' or 'End' is required at {at}");
        }
        return next;
    }

    private StateDataFields DataFields(JsonObject obj, string at)
    {
        var resultPath = ReferencePath.Root;
        var discard = false;
        if (obj.TryGetPropertyValue("ResultPath", out var rp))
        {
            if (rp is null)
            {
                discard = true;
            }
            else
            {
                resultPath = ReferencePathField(obj, "ResultPath", at) ?? ReferencePath.Root;
            }
        }
        CheckTemplate(obj["Parameters"], at + "/Parameters");
        CheckTemplate(obj["ResultSelector"], at + "/ResultSelector");
        return new StateDataFields(PathField(obj, "InputPath", at), PathField(obj, "OutputPath", at),
            obj["Parameters"]?.DeepClone(), obj["ResultSelector"]?.DeepClone(), resultPath, discard);
    }

    private PathSpec PathField(JsonObject obj, string field, string at)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return PathSpec.Root;
        }
        if (node is null)
        {
            return PathSpec.Null;
        }
        var text = String(obj, field, $"{at}/{field}");
        if (text is not null && JsonPathExpression.TryParse(text, out var path, out _))
        {
            return new PathSpec(path);
        }
        _errors.Add($"SCHEMA_VALIDATION_FAILED: The value for the field '{field}' must be a valid JSONPath at {at}/{field}");
        return PathSpec.Root;
    }

    private ReferencePath? ReferencePathField(JsonObject obj, string field, string at)
    {
        var text = String(obj, field, $"{at}/{field}");
        if (text is not null && ReferencePath.TryParse(text, out var path, out _))
        {
            return path;
        }
        _errors.Add($"SCHEMA_VALIDATION_FAILED: The value for the field '{field}' must be a valid ReferencePath at {at}/{field}");
        return null;
    }

    private void CheckTemplate(JsonNode? template, string at)
    {
        switch (template)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
                        if (!IsPathOrIntrinsic(text))
                        {
                            _errors.Add($"SCHEMA_VALIDATION_FAILED: The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call at {at}/{key}");
                        }
                    }
                    else
                    {
                        CheckTemplate(value, $"{at}/{key}");
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    CheckTemplate(a[i], $"{at}[{i}]");
                }
                break;
            default:
                break;
        }
    }

    /// <summary>A "$…"/"$$…" path, or an intrinsic call that parses (name, arity, syntax, nesting).</summary>
    private static bool IsPathOrIntrinsic(string? text)
    {
        if (text is null)
        {
            return false;
        }
        if (text.StartsWith("States.", StringComparison.Ordinal))
        {
            return IntrinsicParser.TryParse(text, out _, out _);
        }
        var path = text.StartsWith("$$", StringComparison.Ordinal) ? text[1..] : text;
        return JsonPathExpression.TryParse(path, out _, out _);
    }

    private string? String(JsonObject obj, string field, string at)
    {
        if (!obj.TryGetPropertyValue(field, out var node) || node is null)
        {
            return null;
        }
        if (node.GetValueKind() == JsonValueKind.String)
        {
            return node.GetValue<string>();
        }
        _errors.Add($"SCHEMA_VALIDATION_FAILED: Expected value of type: String at {at}");
        return null;
    }

    private long? PositiveInteger(JsonObject obj, string field, string at, bool allowZero = false)
    {
        if (obj[field] is not JsonNode node)
        {
            return null;
        }
        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out var n) && (n > 0 || (allowZero && n == 0)))
        {
            return n;
        }
        _errors.Add($"SCHEMA_VALIDATION_FAILED: Expected value of type: {(allowZero ? "non-negative" : "positive")} integer at {at}");
        return null;
    }
}
