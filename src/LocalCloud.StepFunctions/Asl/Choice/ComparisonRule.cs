using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Choice;

/// <summary>
/// "Variable" + one comparison operator. Operands of the wrong type compare false (AWS does not fail
/// on a type mismatch); a Variable that selects nothing is States.Runtime, except for IsPresent.
/// </summary>
public sealed class ComparisonRule : ChoiceRule
{
    private readonly Regex? _matcher;

    public ComparisonRule(string variable, string @operator, JsonNode? value)
    {
        Variable = variable;
        Operator = @operator;
        IsPathOperand = @operator.EndsWith("Path", StringComparison.Ordinal);
        Kind = IsPathOperand ? @operator[..^4] : @operator;
        Value = value;
        if (Kind == "StringMatches" && value is JsonValue v && v.TryGetValue<string>(out var pattern))
        {
            _matcher = StringMatcher.Compile(pattern);
        }
    }

    public static IReadOnlySet<string> Operators { get; } = BuildOperators();

    public string Variable { get; }

    public string Operator { get; }

    public JsonNode? Value { get; }

    private bool IsPathOperand { get; }

    private string Kind { get; }

    public override bool Evaluate(JsonNode? input, IStateScope scope)
    {
        var present = scope.TryPeek(Variable, input, out var variable);
        if (Kind == "IsPresent")
        {
            return present == Expected(Value);
        }
        if (!present)
        {
            throw new StatesFailureException(StatesErrors.Runtime, $"Invalid path '{Variable}': The choice state's condition path references an invalid value.");
        }
        switch (Kind)
        {
            case "IsNull":
                return (variable is null) == Expected(Value);
            case "IsNumeric":
                return (variable is JsonValue n && n.GetValueKind() == JsonValueKind.Number) == Expected(Value);
            case "IsString":
                return (variable is JsonValue s && s.GetValueKind() == JsonValueKind.String) == Expected(Value);
            case "IsBoolean":
                return (variable is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False) == Expected(Value);
            case "IsTimestamp":
                return (AsString(variable) is { } ts && WaitState.TryParseTimestamp(ts, out _)) == Expected(Value);
            case "StringMatches":
                return AsString(variable) is { } text && _matcher is not null && _matcher.IsMatch(text);
            default:
                break;
        }
        var operand = Value;
        if (IsPathOperand)
        {
            var path = AsString(Value) ?? string.Empty;
            if (!scope.TryPeek(path, input, out operand))
            {
                throw new StatesFailureException(StatesErrors.Runtime, $"Invalid path '{path}': The choice state's condition path references an invalid value.");
            }
        }
        return Compare(variable, operand);
    }

    private bool Compare(JsonNode? left, JsonNode? right)
    {
        if (Kind.StartsWith("String", StringComparison.Ordinal))
        {
            return AsString(left) is { } l && AsString(right) is { } r && Holds(string.CompareOrdinal(l, r));
        }
        if (Kind.StartsWith("Numeric", StringComparison.Ordinal))
        {
            return AsNumber(left) is { } l && AsNumber(right) is { } r && Holds(l.CompareTo(r));
        }
        if (Kind.StartsWith("Boolean", StringComparison.Ordinal))
        {
            return AsBoolean(left) is { } l && AsBoolean(right) is { } r && l == r;
        }
        return AsString(left) is { } lt && WaitState.TryParseTimestamp(lt, out var lts)
            && AsString(right) is { } rt && WaitState.TryParseTimestamp(rt, out var rts)
            && Holds(lts.CompareTo(rts));
    }

    private bool Holds(int comparison)
    {
        if (Kind.EndsWith("LessThanEquals", StringComparison.Ordinal))
        {
            return comparison <= 0;
        }
        if (Kind.EndsWith("GreaterThanEquals", StringComparison.Ordinal))
        {
            return comparison >= 0;
        }
        if (Kind.EndsWith("LessThan", StringComparison.Ordinal))
        {
            return comparison < 0;
        }
        if (Kind.EndsWith("GreaterThan", StringComparison.Ordinal))
        {
            return comparison > 0;
        }
        return comparison == 0;
    }

    private static bool Expected(JsonNode? value) => AsBoolean(value) ?? false;

    private static string? AsString(JsonNode? node)
        => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static decimal? AsNumber(JsonNode? node)
        => JsonNumbers.TryGetDecimal(node, out var d) ? d
            : JsonNumbers.TryGetDouble(node, out var big) ? (decimal)Math.Clamp(big, (double)decimal.MinValue, (double)decimal.MaxValue)
            : null;

    private static bool? AsBoolean(JsonNode? node)
        => node is JsonValue v ? v.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;

    private static HashSet<string> BuildOperators()
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { "StringMatches", "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp" };
        foreach (var type in new[] { "String", "Numeric", "Timestamp" })
        {
            foreach (var op in new[] { "Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals" })
            {
                set.Add(type + op);
                set.Add(type + op + "Path");
            }
        }
        set.Add("BooleanEquals");
        set.Add("BooleanEqualsPath");
        return set;
    }
}
