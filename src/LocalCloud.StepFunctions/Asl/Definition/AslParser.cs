using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.ErrorHandling;
using LocalCloud.StepFunctions.Asl.Intrinsics;
using LocalCloud.StepFunctions.Asl.Jsonata;
using LocalCloud.StepFunctions.Asl.JsonPath;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Asl.Variables;

namespace LocalCloud.StepFunctions.Asl.Definition;

/// <summary>
/// Parses an ASL definition and checks it as CreateStateMachine does, collecting every diagnostic
/// (codes and "at /States/…" locations as AWS writes them) before refusing.
/// </summary>
public sealed partial class AslParser
{
    private static readonly HashSet<string> TopLevelFields = new(StringComparer.Ordinal) { "Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage" };

    private readonly List<string> _errors = [];

    // The top-level QueryLanguage: every state without its own, in branches and item processors too, uses it.
    private QueryLanguage _machineLanguage = QueryLanguage.JsonPath;

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
        if (String(root, "QueryLanguage", "/QueryLanguage") is { } ql)
        {
            _machineLanguage = Language(ql, "/QueryLanguage") ?? QueryLanguage.JsonPath;
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
        return new StateMachineDefinition(startAt!, states, timeout, comment, _machineLanguage);
    }

    private QueryLanguage? Language(string text, string at)
    {
        switch (text)
        {
            case "JSONPath":
                return QueryLanguage.JsonPath;
            case "JSONata":
                return QueryLanguage.Jsonata;
            default:
                _errors.Add($"SCHEMA_VALIDATION_FAILED: Value is not valid for QueryLanguage: '{text}' (expected 'JSONPath' or 'JSONata') at {at}");
                return null;
        }
    }

    /// <summary>The state's own QueryLanguage or the machine's; a JSONata machine may not hold a JSONPath state.</summary>
    private QueryLanguage StateLanguage(JsonObject obj, string at)
    {
        if (String(obj, "QueryLanguage", at + "/QueryLanguage") is not { } text || Language(text, at + "/QueryLanguage") is not { } language)
        {
            return _machineLanguage;
        }
        if (_machineLanguage == QueryLanguage.Jsonata && language == QueryLanguage.JsonPath)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: A state may not use the JSONPath query language when the state machine's QueryLanguage is JSONata at {at}/QueryLanguage");
        }
        return language;
    }

    /// <summary>JSONPath-only fields in a JSONata state, and JSONata-only fields in a JSONPath state, are refused where they stand.</summary>
    private void RejectOtherLanguageFields(JsonObject obj, QueryLanguage language, string at)
    {
        var foreign = language == QueryLanguage.Jsonata ? StateFieldRules.JsonPathOnly : StateFieldRules.JsonataOnly;
        foreach (var (field, _) in obj)
        {
            if (foreign.Contains(field))
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: The field '{field}' is not supported when the QueryLanguage is {(language == QueryLanguage.Jsonata ? "JSONata" : "JSONPath")} at {at}/{field}");
            }
        }
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
        var language = StateLanguage(obj, at);
        RejectOtherLanguageFields(obj, language, at);
        var next = ParseTransition(obj, type, at);
        State? state = type switch
        {
            "Pass" => new PassState(name, next, ParseIo(obj, at, language), obj["Result"]?.DeepClone()),
            "Task" => ParseTask(name, next, obj, at, language),
            "Choice" => ParseChoice(name, obj, at, language),
            "Wait" => ParseWait(name, next, obj, at, language),
            "Succeed" => new SucceedState(name, ParseIo(obj, at, language)),
            "Parallel" => ParseParallel(name, next, obj, at, language),
            "Map" => ParseMap(name, next, obj, at, language),
            _ => ParseFail(name, obj, at, language),
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

    /// <summary>The state's data flow in its language; every state that may hold Assign gets it here.</summary>
    private StateIo ParseIo(JsonObject obj, string at, QueryLanguage language)
        => language == QueryLanguage.Jsonata ? ParseJsonataIo(obj, at) : ParseJsonPathIo(obj, at);

    private JsonPathIo ParseJsonPathIo(JsonObject obj, string at) => DataFields(obj, at) with { Assign = JsonPathAssign(obj, at) };

    private JsonataIo ParseJsonataIo(JsonObject obj, string at)
    {
        if (obj["Arguments"] is { } arguments && arguments is not JsonObject && !JsonataTemplate.IsExpression(arguments, out _))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: The value for the field 'Arguments' must be an OBJECT or a JSONata expression at {at}/Arguments");
        }
        return new JsonataIo(Template(obj, "Arguments", at), Template(obj, "Output", at), JsonataAssign(obj, at));
    }

    private JsonataTemplate? Template(JsonObject obj, string field, string at)
        => obj.TryGetPropertyValue(field, out var node) ? JsonataTemplate.Compile(node, field, $"{at}/{field}", _errors) : null;

    /// <summary>A JSONata state's field that takes a literal or a "{% … %}" expression: the expression, or null for a literal.</summary>
    private JsonataTemplate? ExpressionField(JsonObject obj, string field, string at, QueryLanguage language)
        => language == QueryLanguage.Jsonata && JsonataTemplate.IsExpression(obj[field], out _) ? Template(obj, field, at) : null;

    private JsonataTemplate? JsonataAssign(JsonObject obj, string at)
        => AssignObject(obj, at) is { } assign ? JsonataTemplate.Compile(assign, "Assign", at + "/Assign", _errors) : null;

    private JsonObject? JsonPathAssign(JsonObject obj, string at)
    {
        if (AssignObject(obj, at) is not { } assign)
        {
            return null;
        }
        CheckTemplate(assign, at + "/Assign");
        return (JsonObject)assign.DeepClone();
    }

    /// <summary>Assign must be an object of variable names (a JSONPath name may end in ".$"); AWS's naming rules apply.</summary>
    private JsonObject? AssignObject(JsonObject obj, string at)
    {
        if (!obj.TryGetPropertyValue("Assign", out var node))
        {
            return null;
        }
        if (node is not JsonObject assign)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Expected value of type: Object at {at}/Assign");
            return null;
        }
        foreach (var (key, _) in assign)
        {
            var name = key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;
            if (!VariableLimits.IsValidName(name))
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: The variable name '{name}' is invalid: a name starts with a letter or '_', holds only letters, digits and '_', is at most {VariableLimits.MaxNameLength} characters and is not 'states' at {at}/Assign/{key}");
            }
        }
        return assign;
    }

    private JsonPathIo DataFields(JsonObject obj, string at)
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
        return new JsonPathIo(PathField(obj, "InputPath", at), PathField(obj, "OutputPath", at),
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
        return PathReference.TryParse(text, out _, out _);
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
