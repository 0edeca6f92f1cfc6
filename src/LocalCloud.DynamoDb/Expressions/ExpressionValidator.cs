using LocalCloud.Core;
using LocalCloud.DynamoDb.Api.Operations;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Expressions;

/// <summary>
/// Checks a parsed expression before it touches data, as DynamoDB does: placeholders defined,
/// no reserved words, functions known and used in their place with the right operand count,
/// update paths neither overlapping nor touching the primary key.
/// </summary>
internal static class ExpressionValidator
{
    private static readonly string[] TypeNames = ["B", "NULL", "SS", "BOOL", "L", "BS", "N", "NS", "S", "M"];

    public static void Condition(Condition condition, ExpressionScope scope, ExpressionKind kind)
    {
        switch (condition)
        {
            case Expressions.Condition.Compare c:
                Operand(c.Left, scope, kind);
                Operand(c.Right, scope, kind);
                break;
            case Expressions.Condition.Between b:
                Operand(b.Value, scope, kind);
                Operand(b.Lower, scope, kind);
                Operand(b.Upper, scope, kind);
                if (b is { Lower: Expressions.Operand.ValueRef lo, Upper: Expressions.Operand.ValueRef hi })
                {
                    var (l, h) = (scope.Value(lo.Name, kind), scope.Value(hi.Name, kind));
                    if (KeyValueComparer.CompareScalars(l, h) > 0)
                    {
                        throw ExpressionScope.Invalid(kind, $"The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower operand: AttributeValue: {l}, upper operand: AttributeValue: {h}");
                    }
                }
                break;
            case Expressions.Condition.In i:
                Operand(i.Value, scope, kind);
                foreach (var candidate in i.Candidates)
                {
                    Operand(candidate, scope, kind);
                }
                break;
            case Expressions.Condition.And a:
                Condition(a.Left, scope, kind);
                Condition(a.Right, scope, kind);
                break;
            case Expressions.Condition.Or o:
                Condition(o.Left, scope, kind);
                Condition(o.Right, scope, kind);
                break;
            case Expressions.Condition.Not n:
                Condition(n.Inner, scope, kind);
                break;
            case Expressions.Condition.Function f:
                var name = f.Call.Function;
                if (!ExpressionFunctions.IsKnown(name))
                {
                    throw ExpressionScope.Invalid(kind, $"Invalid function name; function: {name}");
                }
                if (!ExpressionFunctions.Conditions.ContainsKey(name))
                {
                    throw ExpressionScope.Invalid(kind, $"The function is not allowed to be used this way in an expression; function: {name}");
                }
                CallOperands(f.Call, scope, kind);
                if (name == "attribute_type" && f.Call.Arguments[1] is Expressions.Operand.ValueRef typeRef)
                {
                    var type = scope.Value(typeRef.Name, kind);
                    if (type.Type != AttributeType.S || !TypeNames.Contains(type.S))
                    {
                        throw ExpressionScope.Invalid(kind, $"Invalid attribute type name found; type: {DynamoDbErrors.Raw(type)}, valid types: {{{string.Join(",", TypeNames)}}}");
                    }
                }
                break;
        }
    }

    public static void Operand(Operand operand, ExpressionScope scope, ExpressionKind kind)
    {
        switch (operand)
        {
            case Expressions.Operand.PathRef p:
                Steps(p.Path, scope, kind);
                break;
            case Expressions.Operand.ValueRef v:
                scope.Value(v.Name, kind);
                break;
            case Expressions.Operand.Arithmetic a:
                Operand(a.Left, scope, kind);
                Operand(a.Right, scope, kind);
                break;
            case Expressions.Operand.Call c:
                var name = c.Function;
                if (!ExpressionFunctions.IsKnown(name))
                {
                    throw ExpressionScope.Invalid(kind, $"Invalid function name; function: {name}");
                }
                var allowed = kind == ExpressionKind.UpdateExpression ? ExpressionFunctions.UpdateOperands : ExpressionFunctions.ConditionOperands;
                if (!allowed.ContainsKey(name))
                {
                    throw ExpressionScope.Invalid(kind, kind == ExpressionKind.UpdateExpression
                        ? $"The function is not allowed in an update expression; function: {name}"
                        : $"The function is not allowed to be used this way in an expression; function: {name}");
                }
                CallOperands(c, scope, kind);
                break;
        }
    }

    public static IReadOnlyList<PathStep> Steps(DocumentPath path, ExpressionScope scope, ExpressionKind kind)
        => path.Elements.Select(e => e is PathElement.Name n ? new PathStep(scope.Name(n, kind), 0) : new PathStep(null, ((PathElement.Index)e).Value)).ToList();

    /// <summary>Validates an update and returns each action's resolved path.</summary>
    public static IReadOnlyList<IReadOnlyList<PathStep>> Update(IReadOnlyList<UpdateClause> clauses, ExpressionScope scope, KeyDefinition key)
    {
        const ExpressionKind kind = ExpressionKind.UpdateExpression;
        var repeated = clauses.GroupBy(c => c.Keyword).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw ExpressionScope.Invalid(kind, $"The \"{repeated.Key}\" section can only be used once in an update expression;");
        }
        var paths = new List<IReadOnlyList<PathStep>>();
        foreach (var action in clauses.SelectMany(c => c.Actions))
        {
            var steps = Steps(action.Path, scope, kind);
            switch (action)
            {
                case UpdateAction.Set s:
                    Operand(s.Value, scope, kind);
                    break;
                case UpdateAction.Add a:
                    Operand(a.Value, scope, kind);
                    break;
                case UpdateAction.Delete d:
                    Operand(d.Value, scope, kind);
                    break;
            }
            foreach (var other in paths)
            {
                if (IsPrefix(other, steps) || IsPrefix(steps, other))
                {
                    throw ExpressionScope.Invalid(kind, $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [{string.Join(", ", other)}], path two: [{string.Join(", ", steps)}]");
                }
            }
            paths.Add(steps);
        }
        var keyPath = paths.FirstOrDefault(p => key.Contains(p[0].Name!));
        if (keyPath is not null)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.CannotUpdateKey(keyPath[0].Name!));
        }
        return paths;
    }

    private static void CallOperands(Operand.Call call, ExpressionScope scope, ExpressionKind kind)
    {
        var arity = ExpressionFunctions.Arity(call.Function);
        if (call.Arguments.Count != arity)
        {
            throw ExpressionScope.Invalid(kind, $"Incorrect number of operands for operator or function; operator or function: {call.Function}, number of operands: {call.Arguments.Count}");
        }
        if (ExpressionFunctions.PathFirst.Contains(call.Function) && call.Arguments[0] is not Expressions.Operand.PathRef)
        {
            throw ExpressionScope.Invalid(kind, $"Operator or function requires a document path; operator or function: {call.Function}");
        }
        foreach (var argument in call.Arguments)
        {
            Operand(argument, scope, kind);
        }
    }

    private static bool IsPrefix(IReadOnlyList<PathStep> shorter, IReadOnlyList<PathStep> longer)
        => shorter.Count <= longer.Count && shorter.Select((s, i) => s == longer[i]).All(x => x);
}
