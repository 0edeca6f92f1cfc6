using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.Jsonata;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Definition;

/// <summary>Parallel and Map: states that hold whole sub-machines, each checked like the top level.</summary>
public sealed partial class AslParser
{
    private static readonly HashSet<string> BranchFields = new(StringComparer.Ordinal) { "StartAt", "States", "Comment" };
    private static readonly HashSet<string> ProcessorFields = new(StringComparer.Ordinal) { "StartAt", "States", "Comment", "ProcessorConfig" };

    private ParallelState ParseParallel(string name, string? next, JsonObject obj, string at, QueryLanguage language)
    {
        var branches = new List<StateMachineDefinition>();
        if (obj["Branches"] is not JsonArray list || list.Count == 0)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: 'Branches' must be a non-empty array at {at}/Branches");
        }
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (ParseGraph(list[i], $"{at}/Branches[{i}]", BranchFields) is { } branch)
                {
                    branches.Add(branch);
                }
            }
        }
        return new ParallelState(name, next, ParseIo(obj, at, language), branches,
            ParseList(obj, "Retry", at, ParseRetrier), ParseList(obj, "Catch", at, (item, where) => ParseCatcher(item, where, language)));
    }

    private MapState ParseMap(string name, string? next, JsonObject obj, string at, QueryLanguage language)
    {
        var processorField = obj.ContainsKey("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (obj.ContainsKey("ItemProcessor") && obj.ContainsKey("Iterator"))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Only one of 'ItemProcessor' or 'Iterator' may be given at {at}");
        }
        if (obj.ContainsKey("ItemSelector") && obj.ContainsKey("Parameters"))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Only one of 'ItemSelector' or 'Parameters' may be given at {at}");
        }
        if (obj[processorField] is null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: These fields are required: [ItemProcessor] at {at}");
        }
        var distribution = ParseDistribution(obj, processorField, at);
        var processor = obj[processorField] is null ? null : ParseGraph(obj[processorField], $"{at}/{processorField}", ProcessorFields);
        if (language == QueryLanguage.Jsonata)
        {
            return ParseJsonataMap(name, next, obj, at, processor, distribution);
        }
        CheckTemplate(obj["ItemSelector"], at + "/ItemSelector");
        var itemsPath = String(obj, "ItemsPath", at + "/ItemsPath");
        foreach (var (field, text) in new[]
        {
            ("ItemsPath", itemsPath),
            ("MaxConcurrencyPath", String(obj, "MaxConcurrencyPath", at + "/MaxConcurrencyPath")),
            ("ToleratedFailureCountPath", String(obj, "ToleratedFailureCountPath", at + "/ToleratedFailureCountPath")),
            ("ToleratedFailurePercentagePath", String(obj, "ToleratedFailurePercentagePath", at + "/ToleratedFailurePercentagePath")),
        })
        {
            if (text is not null && !IsPathOrIntrinsic(text))
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: The value for the field '{field}' must be a valid JSONPath at {at}/{field}");
            }
        }
        OnlyOne(obj, "MaxConcurrency", "MaxConcurrencyPath", at);
        OnlyOne(obj, "ToleratedFailureCount", "ToleratedFailureCountPath", at);
        OnlyOne(obj, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", at);
        double? percentage = null;
        if (obj["ToleratedFailurePercentage"] is JsonNode pct)
        {
            if (pct.GetValueKind() == JsonValueKind.Number && pct.GetValue<double>() is >= 0 and <= 100)
            {
                percentage = pct.GetValue<double>();
            }
            else
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: 'ToleratedFailurePercentage' must be a number from 0 to 100 at {at}/ToleratedFailurePercentage");
            }
        }
        var data = ParseJsonPathIo(obj, at);
        var settings = new MapSettings(
            processor ?? new StateMachineDefinition(string.Empty, new Dictionary<string, State>(), null, null),
            itemsPath,
            (obj["ItemSelector"] ?? obj["Parameters"])?.DeepClone(),
            (int?)PositiveInteger(obj, "MaxConcurrency", at + "/MaxConcurrency", allowZero: true),
            obj["MaxConcurrencyPath"]?.GetValue<string>(),
            PositiveInteger(obj, "ToleratedFailureCount", at + "/ToleratedFailureCount", allowZero: true),
            obj["ToleratedFailureCountPath"]?.GetValue<string>(),
            percentage,
            obj["ToleratedFailurePercentagePath"]?.GetValue<string>())
        {
            Distributed = distribution,
        };
        // Parameters of a Map state select each item's input (legacy ItemSelector), never the state's input.
        return new MapState(name, next, data with { Parameters = null }, settings,
            ParseList(obj, "Retry", at, ParseRetrier), ParseList(obj, "Catch", at, (item, where) => ParseCatcher(item, where, QueryLanguage.JsonPath)));
    }

    /// <summary>A JSONata Map: Items, ItemSelector and the limits take literals or "{% … %}" expressions.</summary>
    private MapState ParseJsonataMap(string name, string? next, JsonObject obj, string at, StateMachineDefinition? processor, MapDistribution? distribution)
    {
        if (obj["Items"] is { } items && items is not JsonArray && !JsonataTemplate.IsExpression(items, out _))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: The value for the field 'Items' must be an ARRAY or a JSONata expression at {at}/Items");
        }
        var maxConcurrency = ExpressionField(obj, "MaxConcurrency", at, QueryLanguage.Jsonata);
        var toleratedCount = ExpressionField(obj, "ToleratedFailureCount", at, QueryLanguage.Jsonata);
        var toleratedPercentage = ExpressionField(obj, "ToleratedFailurePercentage", at, QueryLanguage.Jsonata);
        double? percentage = null;
        if (toleratedPercentage is null && obj["ToleratedFailurePercentage"] is JsonNode pct)
        {
            if (pct.GetValueKind() == JsonValueKind.Number && pct.GetValue<double>() is >= 0 and <= 100)
            {
                percentage = pct.GetValue<double>();
            }
            else
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: 'ToleratedFailurePercentage' must be a number from 0 to 100 at {at}/ToleratedFailurePercentage");
            }
        }
        var settings = new MapSettings(
            processor ?? new StateMachineDefinition(string.Empty, new Dictionary<string, State>(), null, null),
            MaxConcurrency: maxConcurrency is null ? (int?)PositiveInteger(obj, "MaxConcurrency", at + "/MaxConcurrency", allowZero: true) : null,
            ToleratedFailureCount: toleratedCount is null ? PositiveInteger(obj, "ToleratedFailureCount", at + "/ToleratedFailureCount", allowZero: true) : null,
            ToleratedFailurePercentage: percentage)
        {
            Items = Template(obj, "Items", at),
            ItemSelectorTemplate = Template(obj, "ItemSelector", at),
            MaxConcurrencyExpression = maxConcurrency,
            ToleratedFailureCountExpression = toleratedCount,
            ToleratedFailurePercentageExpression = toleratedPercentage,
            Distributed = distribution,
        };
        return new MapState(name, next, ParseIo(obj, at, QueryLanguage.Jsonata), settings,
            ParseList(obj, "Retry", at, ParseRetrier), ParseList(obj, "Catch", at, (item, where) => ParseCatcher(item, where, QueryLanguage.Jsonata)));
    }

    private void OnlyOne(JsonObject obj, string a, string b, string at)
    {
        if (obj.ContainsKey(a) && obj.ContainsKey(b))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Only one of '{a}' or '{b}' may be given at {at}");
        }
    }

    /// <summary>A branch or item processor: StartAt and States, validated with locations under <paramref name="at"/>.</summary>
    private StateMachineDefinition? ParseGraph(JsonNode? node, string at, IReadOnlySet<string> allowed)
    {
        if (node is not JsonObject obj)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Expected value of type: Object at {at}");
            return null;
        }
        var before = _errors.Count;
        RejectUnknownFields(obj, allowed, at);
        var startAt = String(obj, "StartAt", at + "/StartAt");
        if (startAt is null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt] at {at}");
        }
        if (obj["States"] is not JsonObject statesNode)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: These fields are required: [States] at {at}");
            return null;
        }
        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var (name, child) in statesNode)
        {
            if (ParseState(name, child, $"{at}/States/{name}") is { } state)
            {
                states[name] = state;
            }
        }
        if (_errors.Count == before)
        {
            CheckTransitions(startAt!, statesNode, at);
        }
        return _errors.Count == before ? new StateMachineDefinition(startAt!, states, null, String(obj, "Comment", at + "/Comment")) : null;
    }
}
