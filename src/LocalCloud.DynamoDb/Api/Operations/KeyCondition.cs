using LocalCloud.Core;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// A KeyConditionExpression taken apart: equality on the partition key, and at most one condition
/// (=, &lt;, &lt;=, &gt;, &gt;=, BETWEEN, begins_with) on the sort key
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html).
/// </summary>
/// <param name="RangeLowerBound">No item whose sort key orders below this can match: a reader may skip to it.</param>
/// <param name="RangeContiguous">The matching items are one run in sort-key order, so a reader may stop at the first miss after it.</param>
internal sealed record KeyCondition(AttributeValue HashValue, Condition? RangeCondition, AttributeValue? RangeLowerBound = null, bool RangeContiguous = false)
{
    /// <summary>The items of <paramref name="ordered"/> (a partition in sort-key order, or reversed) that the sort-key condition matches.</summary>
    public IEnumerable<Item> Matching(IEnumerable<Item> ordered, bool forward, string? rangeName, ExpressionEvaluator evaluator)
    {
        if (RangeCondition is not { } range || rangeName is null)
        {
            return ordered;
        }
        // A page of a large partition then costs a walk of cheap key comparisons up to the first match and the page
        // itself, instead of the condition evaluated on every item of the partition.
        if (forward && RangeLowerBound is { } lower)
        {
            ordered = ordered.SkipWhile(i => KeyValueComparer.Instance.Compare(i[rangeName], lower) < 0);
        }
        return RangeContiguous
            ? ordered.SkipWhile(i => !evaluator.Matches(range, i)).TakeWhile(i => evaluator.Matches(range, i))
            : ordered.Where(i => evaluator.Matches(range, i));
    }

    private const ExpressionKind Kind = ExpressionKind.KeyConditionExpression;

    public static KeyCondition Analyse(Condition condition, KeyDefinition key, ExpressionScope scope)
    {
        var parts = new List<Condition>();
        Flatten(condition, parts);
        if (parts.Count > 2)
        {
            throw AwsServiceException.Validation("Conditions can be of length 1 or 2 only");
        }
        AttributeValue? hash = null;
        Condition? range = null;
        AttributeValue? lower = null;
        var contiguous = false;
        foreach (var part in parts)
        {
            var (name, values) = Subject(part, scope);
            var expected = name == key.HashName ? key.HashType : name == key.RangeName ? key.RangeType : null;
            if (expected is null)
            {
                throw AwsServiceException.Validation(hash is null && name != key.HashName
                    ? $"Query condition missed key schema element: {key.HashName}"
                    : "Query key condition not supported");
            }
            if (values.Any(v => v.Type != expected))
            {
                throw AwsServiceException.Validation($"{DynamoDbErrors.Invalid}Condition parameter type does not match schema type");
            }
            if (name == key.HashName)
            {
                if (hash is not null)
                {
                    throw AwsServiceException.Validation("KeyConditionExpressions must only contain one condition per key");
                }
                if (part is not Condition.Compare { Operator: "=" })
                {
                    throw AwsServiceException.Validation("Query key condition not supported");
                }
                hash = values[0];
            }
            else
            {
                if (range is not null)
                {
                    throw AwsServiceException.Validation("KeyConditionExpressions must only contain one condition per key");
                }
                range = part;
                (lower, contiguous) = Bounds(part, values);
            }
        }
        return new KeyCondition(hash ?? throw AwsServiceException.Validation($"Query condition missed key schema element: {key.HashName}"), range, lower, contiguous);
    }

    /// <summary>
    /// Where a sort-key condition's matches can start, and whether they form one run. Each allowed condition is an
    /// interval or a prefix, so one run in UTF-8 byte order, except a begins_with whose prefix has a surrogate or U+FFFD:
    /// lone surrogates encode as U+FFFD, so such matches can interleave with other strings.
    /// </summary>
    private static (AttributeValue? Lower, bool Contiguous) Bounds(Condition part, List<AttributeValue> values) => part switch
    {
        Condition.Compare { Left: Operand.PathRef, Operator: "=" or ">" or ">=" } => (values[0], true),
        Condition.Compare { Right: Operand.PathRef, Operator: "=" or "<" or "<=" } => (values[0], true),
        Condition.Compare => (null, true),
        Condition.Between => (values[0], true),
        Condition.Function when values[0] is { Type: AttributeType.S } prefix => (values[0], !prefix.S.Any(c => char.IsSurrogate(c) || c == '\uFFFD')),
        Condition.Function => (values[0], true),
        _ => (null, false),
    };

    private static void Flatten(Condition condition, List<Condition> parts)
    {
        switch (condition)
        {
            case Condition.And a:
                Flatten(a.Left, parts);
                Flatten(a.Right, parts);
                break;
            case Condition.Or:
                throw ExpressionScope.Invalid(Kind, "Invalid operator used in KeyConditionExpression: OR");
            case Condition.Not:
                throw ExpressionScope.Invalid(Kind, "Invalid operator used in KeyConditionExpression: NOT");
            case Condition.In:
                throw ExpressionScope.Invalid(Kind, "Invalid operator used in KeyConditionExpression: IN");
            default:
                parts.Add(condition);
                break;
        }
    }

    /// <summary>The key attribute a condition constrains and the constant values it compares with.</summary>
    private static (string Name, List<AttributeValue> Values) Subject(Condition part, ExpressionScope scope)
    {
        Operand[] operands = part switch
        {
            Condition.Compare { Operator: "<>" } => throw ExpressionScope.Invalid(Kind, "Unsupported operator in KeyConditionExpression: <>"),
            Condition.Compare c => [c.Left, c.Right],
            Condition.Between b => [b.Value, b.Lower, b.Upper],
            Condition.Function { Call.Function: "begins_with" } f => [.. f.Call.Arguments],
            Condition.Function f => throw ExpressionScope.Invalid(Kind, $"Invalid function name in KeyConditionExpression; function: {f.Call.Function}"),
            _ => throw AwsServiceException.Validation("Query key condition not supported"),
        };
        var paths = operands.OfType<Operand.PathRef>().ToList();
        var values = operands.OfType<Operand.ValueRef>().Select(v => scope.Value(v.Name, Kind)).ToList();
        if (paths.Count != 1 || values.Count != operands.Length - 1 || paths[0].Path.Elements.Count != 1 || operands[0] is not Operand.PathRef && part is not Condition.Compare)
        {
            throw AwsServiceException.Validation("Query key condition not supported");
        }
        var name = ExpressionValidator.Steps(paths[0].Path, scope, Kind)[0].Name!;
        return (name, values);
    }
}
