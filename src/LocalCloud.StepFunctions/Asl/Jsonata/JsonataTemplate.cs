using System.Text.Json;
using System.Text.Json.Nodes;
using Jsonata;

namespace LocalCloud.StepFunctions.Asl.Jsonata;

/// <summary>
/// A field of a JSONata state, compiled once: a string that is wholly "{% … %}" is an expression; objects and arrays
/// are templates whose strings may be expressions at any depth; anything else is a constant
/// (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html). An expression nested in an object
/// is named by its path in errors, as AWS does: 'Arguments/Input/pushLocation'.
/// </summary>
public abstract class JsonataTemplate
{
    /// <summary>True when nothing in the template is an expression (its value is known at create time).</summary>
    public abstract bool IsConstant { get; }

    /// <summary>What an error message shows: the expression's text, or a constant's JSON.</summary>
    public abstract string Text { get; }

    public static bool IsExpression(JsonNode? node, out string body)
    {
        body = string.Empty;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>();
            if (text.Length >= 4 && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal))
            {
                body = text[2..^2];
                return true;
            }
        }
        return false;
    }

    /// <summary>Compiles <paramref name="node"/>; a malformed expression adds a diagnostic at <paramref name="at"/> and yields null.</summary>
    public static JsonataTemplate? Compile(JsonNode? node, string field, string at, ICollection<string> errors)
    {
        if (IsExpression(node, out var body))
        {
            if (StepFunctionsJsonata.TryCompile(body, out var expression, out var error))
            {
                return new Expression(expression!, body, field);
            }
            errors.Add($"SCHEMA_VALIDATION_FAILED: The JSONata expression '{body.Trim()}' specified for the field '{field}' is invalid: {error} at {at}");
            return null;
        }
        switch (node)
        {
            case JsonObject obj:
                var members = new List<(string, JsonataTemplate)>(obj.Count);
                foreach (var (key, value) in obj)
                {
                    if (Compile(value, $"{field}/{key}", $"{at}/{key}", errors) is { } member)
                    {
                        members.Add((key, member));
                    }
                }
                return members.All(m => m.Item2.IsConstant) ? new Constant(node) : new ObjectTemplate(members);
            case JsonArray array:
                var items = new List<JsonataTemplate>(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    if (Compile(array[i], $"{field}[{i}]", $"{at}[{i}]", errors) is { } item)
                    {
                        items.Add(item);
                    }
                }
                return items.All(i => i.IsConstant) ? new Constant(node) : new ArrayTemplate(items);
            default:
                return new Constant(node);
        }
    }

    /// <summary>The field's value; an expression that fails or yields nothing is States.QueryEvaluationError.</summary>
    public abstract JsonNode? Evaluate(StatesEnvironment environment);

    private sealed class Constant(JsonNode? value) : JsonataTemplate
    {
        private readonly JsonNode? _value = value?.DeepClone();

        public override bool IsConstant => true;

        public override string Text => _value?.ToJsonString() ?? "null";

        public override JsonNode? Evaluate(StatesEnvironment environment) => _value?.DeepClone();
    }

    private sealed class Expression(JsonataExpression expression, string text, string field) : JsonataTemplate
    {
        // $states.context is built only for expressions that can read it: building the context object is most of
        // the cost of a simple state (docs/performance.md).
        private readonly bool _readsContext = StepFunctionsJsonata.MayReadContext(text);

        // Likewise $states.input is converted only for expressions that can read it.
        private readonly bool _readsInput = StepFunctionsJsonata.MayReadInput(text);

        private readonly string _text = text.Trim();

        public override bool IsConstant => false;

        public override string Text => _text;

        public override JsonNode? Evaluate(StatesEnvironment environment)
            => JsonataValues.ToJson(environment.Evaluate(expression, _text, field, _readsContext, _readsInput));
    }

    private sealed class ObjectTemplate(List<(string Key, JsonataTemplate Value)> members) : JsonataTemplate
    {
        public override bool IsConstant => false;

        public override string Text => "{" + string.Join(",", members.Select(m => $"\"{m.Key}\":{m.Value.Text}")) + "}";

        public override JsonNode? Evaluate(StatesEnvironment environment)
        {
            var result = new JsonObject();
            foreach (var (key, value) in members)
            {
                result[key] = value.Evaluate(environment);
            }
            return result;
        }
    }

    private sealed class ArrayTemplate(List<JsonataTemplate> items) : JsonataTemplate
    {
        public override bool IsConstant => false;

        public override string Text => "[" + string.Join(",", items.Select(i => i.Text)) + "]";

        public override JsonNode? Evaluate(StatesEnvironment environment)
        {
            var result = new JsonArray();
            foreach (var item in items)
            {
                result.Add(item.Evaluate(environment));
            }
            return result;
        }
    }
}
