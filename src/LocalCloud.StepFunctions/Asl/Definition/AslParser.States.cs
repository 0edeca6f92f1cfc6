using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Choice;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.ErrorHandling;
using LocalCloud.StepFunctions.Asl.Jsonata;
using LocalCloud.StepFunctions.Asl.JsonPath;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Definition;

public sealed partial class AslParser
{
    private static readonly string[] WaitFields = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];

    private TaskState ParseTask(string name, string? next, JsonObject obj, string at, QueryLanguage language)
    {
        var resource = String(obj, "Resource", at + "/Resource");
        if (resource is null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: These fields are required: [Resource] at {at}");
        }
        else if (!resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            _errors.Add($"INVALID_RESOURCE: Invalid Resource: '{resource}' at {at}/Resource");
        }
        var timeoutExpression = ExpressionField(obj, "TimeoutSeconds", at, language);
        var heartbeatExpression = ExpressionField(obj, "HeartbeatSeconds", at, language);
        var timeouts = new TaskTimeouts(
            timeoutExpression is null ? PositiveInteger(obj, "TimeoutSeconds", at + "/TimeoutSeconds") : null,
            String(obj, "TimeoutSecondsPath", at + "/TimeoutSecondsPath"),
            heartbeatExpression is null ? PositiveInteger(obj, "HeartbeatSeconds", at + "/HeartbeatSeconds") : null,
            String(obj, "HeartbeatSecondsPath", at + "/HeartbeatSecondsPath"),
            timeoutExpression,
            heartbeatExpression);
        if (timeouts.TimeoutSeconds is not null && timeouts.TimeoutSecondsPath is not null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Only one of 'TimeoutSeconds' or 'TimeoutSecondsPath' may be given at {at}");
        }
        if (timeouts.HeartbeatSeconds is not null && timeouts.HeartbeatSecondsPath is not null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Only one of 'HeartbeatSeconds' or 'HeartbeatSecondsPath' may be given at {at}");
        }
        if (timeouts is { HeartbeatSeconds: { } hb, TimeoutSeconds: { } to } && hb >= to)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: 'HeartbeatSeconds' must be smaller than 'TimeoutSeconds' at {at}/HeartbeatSeconds");
        }
        var retry = ParseList(obj, "Retry", at, ParseRetrier);
        var @catch = ParseList(obj, "Catch", at, (item, where) => ParseCatcher(item, where, language));
        return new TaskState(name, next, ParseIo(obj, at, language), resource ?? string.Empty, retry, @catch, timeouts);
    }

    private List<T> ParseList<T>(JsonObject obj, string field, string at, Func<JsonObject, string, T?> parse)
        where T : class
    {
        var result = new List<T>();
        if (obj[field] is null)
        {
            return result;
        }
        if (obj[field] is not JsonArray array)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Expected value of type: Array at {at}/{field}");
            return result;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var where = $"{at}/{field}[{i}]";
            if (array[i] is not JsonObject item)
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: Expected value of type: Object at {where}");
                continue;
            }
            var namesAll = item["ErrorEquals"] is JsonArray names
                && names.Any(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == StatesErrors.All);
            if (namesAll && i != array.Count - 1)
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: States.ALL must appear in the last {(field == "Retry" ? "Retrier" : "Catcher")} at {where}/ErrorEquals");
            }
            if (parse(item, where) is { } parsed)
            {
                result.Add(parsed);
            }
        }
        return result;
    }

    private List<string> ErrorEquals(JsonObject item, string at)
    {
        if (item["ErrorEquals"] is not JsonArray names || names.Count == 0
            || names.Any(n => n is null || n.GetValueKind() != JsonValueKind.String))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: 'ErrorEquals' must be a non-empty array of strings at {at}/ErrorEquals");
            return [];
        }
        var list = names.Select(n => n!.GetValue<string>()).ToList();
        if (list.Contains(StatesErrors.All) && list.Count > 1)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: States.ALL must appear alone in ErrorEquals at {at}/ErrorEquals");
        }
        return list;
    }

    private Retrier? ParseRetrier(JsonObject item, string at)
    {
        RejectUnknownFields(item, new HashSet<string>(StringComparer.Ordinal) { "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment" }, at);
        var jitter = String(item, "JitterStrategy", at + "/JitterStrategy");
        if (jitter is not (null or "FULL" or "NONE"))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Value is not valid for JitterStrategy: '{jitter}' at {at}/JitterStrategy");
        }
        var backoff = 2.0;
        if (item["BackoffRate"] is JsonNode b)
        {
            if (b.GetValueKind() != JsonValueKind.Number || b.GetValue<double>() < 1.0)
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: 'BackoffRate' must be a number not less than 1.0 at {at}/BackoffRate");
            }
            else
            {
                backoff = b.GetValue<double>();
            }
        }
        return new Retrier(
            ErrorEquals(item, at),
            (int)(PositiveInteger(item, "IntervalSeconds", at + "/IntervalSeconds") ?? 1),
            (int)(PositiveInteger(item, "MaxAttempts", at + "/MaxAttempts", allowZero: true) ?? 3),
            backoff,
            (int?)PositiveInteger(item, "MaxDelaySeconds", at + "/MaxDelaySeconds"),
            jitter == "FULL");
    }

    private Catcher? ParseCatcher(JsonObject item, string at, QueryLanguage language)
    {
        RejectUnknownFields(item, new HashSet<string>(StringComparer.Ordinal) { "ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment" }, at);
        RejectOtherLanguageFields(item, language, at);
        var next = String(item, "Next", at + "/Next");
        if (next is null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at {at}");
        }
        StateIo io;
        if (language == QueryLanguage.Jsonata)
        {
            io = new JsonataIo(null, Template(item, "Output", at), JsonataAssign(item, at));
        }
        else
        {
            var discard = item.TryGetPropertyValue("ResultPath", out var rp) && rp is null;
            var resultPath = item.ContainsKey("ResultPath") && !discard ? ReferencePathField(item, "ResultPath", at) : ReferencePath.Root;
            io = JsonPathIo.Default with { ResultPath = resultPath, DiscardResult = discard, Assign = JsonPathAssign(item, at) };
        }
        return new Catcher(ErrorEquals(item, at), next ?? string.Empty, io);
    }

    private WaitState ParseWait(string name, string? next, JsonObject obj, string at, QueryLanguage language)
    {
        var given = WaitFields.Where(obj.ContainsKey).ToList();
        if (given.Count != 1)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Exactly one of 'Seconds', 'Timestamp', 'SecondsPath' or 'TimestampPath' is required at {at}");
        }
        var secondsExpression = ExpressionField(obj, "Seconds", at, language);
        var timestampExpression = ExpressionField(obj, "Timestamp", at, language);
        DateTimeOffset? timestamp = null;
        if (timestampExpression is null && String(obj, "Timestamp", at + "/Timestamp") is { } ts)
        {
            if (WaitState.TryParseTimestamp(ts, out var parsed))
            {
                timestamp = parsed;
            }
            else
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: The value for the field 'Timestamp' must be a valid ISO-8601 timestamp at {at}/Timestamp");
            }
        }
        return new WaitState(name, next, ParseIo(obj, at, language), new WaitSpec(
            secondsExpression is null ? PositiveInteger(obj, "Seconds", at + "/Seconds", allowZero: true) : null,
            timestamp,
            String(obj, "SecondsPath", at + "/SecondsPath"),
            String(obj, "TimestampPath", at + "/TimestampPath"),
            secondsExpression,
            timestampExpression));
    }

    private FailState ParseFail(string name, JsonObject obj, string at, QueryLanguage language)
    {
        var errorExpression = ExpressionField(obj, "Error", at, language);
        var causeExpression = ExpressionField(obj, "Cause", at, language);
        var error = errorExpression is null ? String(obj, "Error", at + "/Error") : null;
        var errorPath = String(obj, "ErrorPath", at + "/ErrorPath");
        var cause = causeExpression is null ? String(obj, "Cause", at + "/Cause") : null;
        var causePath = String(obj, "CausePath", at + "/CausePath");
        foreach (var (field, text) in new[] { ("ErrorPath", errorPath), ("CausePath", causePath) })
        {
            if (text is not null && !IsPathOrIntrinsic(text))
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: The value for the field '{field}' must be a valid JSONPath or a valid intrinsic function call at {at}/{field}");
            }
        }
        if (error is not null && errorPath is not null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Only one of 'Error' or 'ErrorPath' may be given at {at}");
        }
        if (cause is not null && causePath is not null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Only one of 'Cause' or 'CausePath' may be given at {at}");
        }
        var io = language == QueryLanguage.Jsonata ? (StateIo)JsonataIo.Default : JsonPathIo.Default;
        return new FailState(name, io, new FailSpec(error, cause, errorPath, causePath, errorExpression, causeExpression));
    }

    private ChoiceState ParseChoice(string name, JsonObject obj, string at, QueryLanguage language)
    {
        var io = ParseIo(obj, at, language);
        var branches = new List<ChoiceBranch>();
        if (obj["Choices"] is not JsonArray choices || choices.Count == 0)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: 'Choices' must be a non-empty array at {at}/Choices");
        }
        else
        {
            for (var i = 0; i < choices.Count; i++)
            {
                var where = $"{at}/Choices[{i}]";
                var rule = language == QueryLanguage.Jsonata ? ParseCondition(choices[i], where) : ParseRule(choices[i], where, topLevel: true);
                var next = choices[i] is JsonObject c ? String(c, "Next", where + "/Next") : null;
                if (next is null)
                {
                    _errors.Add($"SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at {where}");
                }
                if (rule is not null && next is not null)
                {
                    var ruleObject = (JsonObject)choices[i]!;
                    // A matched rule applies its own Assign/Output; the state's apply only when Default is taken.
                    StateIo ruleIo = language == QueryLanguage.Jsonata
                        ? new JsonataIo(null, Template(ruleObject, "Output", where), JsonataAssign(ruleObject, where))
                        : (JsonPathIo)io with { Assign = JsonPathAssign(ruleObject, where) };
                    branches.Add(new ChoiceBranch(rule, next, ruleIo));
                }
            }
        }
        return new ChoiceState(name, io, branches, String(obj, "Default", at + "/Default"));
    }

    /// <summary>A JSONata Choice rule: a "{% … %}" Condition (or a literal boolean), Next, and optional Assign and Output.</summary>
    private ConditionRule? ParseCondition(JsonNode? node, string at)
    {
        if (node is not JsonObject obj)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: A choice rule must be an object at {at}");
            return null;
        }
        RejectUnknownFields(obj, new HashSet<string>(StringComparer.Ordinal) { "Condition", "Next", "Assign", "Output", "Comment" }, at);
        if (!obj.TryGetPropertyValue("Condition", out var condition))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: These fields are required: [Condition] at {at}");
            return null;
        }
        if (condition?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False) && !JsonataTemplate.IsExpression(condition, out _))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: The value for the field 'Condition' must be a JSONata expression or a boolean at {at}/Condition");
            return null;
        }
        return Template(obj, "Condition", at) is { } template ? new ConditionRule(template, "Condition") : null;
    }

    private ChoiceRule? ParseRule(JsonNode? node, string at, bool topLevel)
    {
        if (node is not JsonObject obj)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: A choice rule must be an object at {at}");
            return null;
        }
        if (!topLevel && obj.ContainsKey("Next"))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Field 'Next' is not supported at {at}");
        }
        if (!topLevel && obj.ContainsKey("Assign"))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Field 'Assign' is not supported at {at}");
        }
        foreach (var field in new[] { "Condition", "Output" })
        {
            if (obj.ContainsKey(field))
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: The field '{field}' is not supported when the QueryLanguage is JSONPath at {at}/{field}");
            }
        }
        if (obj["And"] is JsonArray and)
        {
            return new AndRule(SubRules(and, at + "/And"));
        }
        if (obj["Or"] is JsonArray or)
        {
            return new OrRule(SubRules(or, at + "/Or"));
        }
        if (obj.ContainsKey("Not"))
        {
            return ParseRule(obj["Not"], at + "/Not", topLevel: false) is { } inner ? new NotRule(inner) : null;
        }
        var operators = obj.Select(kv => kv.Key).Where(ComparisonRule.Operators.Contains).ToList();
        var variable = String(obj, "Variable", at + "/Variable");
        if (operators.Count != 1 || variable is null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: A choice rule needs a 'Variable' and exactly one comparison operator at {at}");
            return null;
        }
        if (!variable.StartsWith('$'))
        {
            _errors.Add($"INVALID_JSON_PATH: Value is not a valid path: '{variable}' at {at}/Variable");
            return null;
        }
        var op = operators[0];
        var value = obj[op];
        var kind = value?.GetValueKind();
        var valid = op.EndsWith("Path", StringComparison.Ordinal) || op.StartsWith("String", StringComparison.Ordinal) || op.StartsWith("Timestamp", StringComparison.Ordinal)
            ? kind == JsonValueKind.String
            : op.StartsWith("Numeric", StringComparison.Ordinal) ? kind == JsonValueKind.Number : kind is JsonValueKind.True or JsonValueKind.False;
        if (!valid)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: The value of '{op}' has the wrong type at {at}/{op}");
            return null;
        }
        return new ComparisonRule(variable, op, value?.DeepClone());
    }

    private List<ChoiceRule> SubRules(JsonArray rules, string at)
    {
        if (rules.Count == 0)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: must be a non-empty array at {at}");
        }
        return rules.Select((r, i) => ParseRule(r, $"{at}[{i}]", topLevel: false)).OfType<ChoiceRule>().ToList();
    }
}
