using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Expressions;

/// <summary>
/// Applies an UpdateExpression to an item, building a new item (the stored one is shared and stays
/// untouched). As in DynamoDB, every SET value is computed from the item as it was before the
/// update, and REMOVEs of list elements use the original indexes.
/// </summary>
internal static class UpdateApplier
{
    private const string InvalidPath = "The document path provided in the update expression is invalid for update";
    private const string WrongType = "An operand in the update expression has an incorrect data type";

    public static Dictionary<string, AttributeValue> Apply(Item old, IReadOnlyList<UpdateClause> clauses, ExpressionEvaluator evaluator)
    {
        var actions = clauses.SelectMany(c => c.Actions).Select(a => (Action: a, Steps: evaluator.Steps(a.Path))).ToList();
        var values = actions.Select(a => a.Action switch
        {
            UpdateAction.Set s => evaluator.Value(s.Value, old)
                ?? throw ExpressionScope.Invalid(evaluator.Kind, "The provided expression refers to an attribute that does not exist in the item"),
            UpdateAction.Add add => evaluator.Value(add.Value, old),
            UpdateAction.Delete d => evaluator.Value(d.Value, old),
            _ => null,
        }).ToList();

        var item = new Dictionary<string, AttributeValue>(old, StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var (action, steps) = actions[i];
            var value = values[i]!;
            switch (action)
            {
                case UpdateAction.Set:
                    SetAt(item, steps, value);
                    break;
                case UpdateAction.Add:
                    SetAt(item, steps, Add(ExpressionEvaluator.Resolve(item, steps), value));
                    break;
                case UpdateAction.Delete:
                    if (Delete(ExpressionEvaluator.Resolve(item, steps), value) is { } remaining)
                    {
                        SetAt(item, steps, remaining);
                    }
                    else
                    {
                        RemoveAt(item, steps);
                    }
                    break;
            }
        }
        // Highest list index first, so earlier removals do not shift later ones.
        foreach (var (_, steps) in actions.Where(a => a.Action is UpdateAction.Remove).OrderByDescending(a => a.Steps[^1].Index))
        {
            RemoveAt(item, steps);
        }
        return item;
    }

    private static AttributeValue Add(AttributeValue? existing, AttributeValue value)
    {
        if (existing is null)
        {
            return value.Type == AttributeType.N || value.IsSet ? value : throw ExpressionScope.Invalid(ExpressionKind.UpdateExpression, WrongType);
        }
        if (existing.Type == AttributeType.N && value.Type == AttributeType.N)
        {
            return AttributeValue.FromN(existing.N + value.N);
        }
        if (existing.IsSet && existing.Type == value.Type)
        {
            return AttributeValue.SetOf(existing.Type, existing.SetElements.Concat(value.SetElements.Where(e => !existing.SetElements.Contains(e))));
        }
        throw ExpressionScope.Invalid(ExpressionKind.UpdateExpression, WrongType);
    }

    private static AttributeValue? Delete(AttributeValue? existing, AttributeValue value)
    {
        if (!value.IsSet || (existing is not null && existing.Type != value.Type))
        {
            throw ExpressionScope.Invalid(ExpressionKind.UpdateExpression, WrongType);
        }
        if (existing is null)
        {
            return null;
        }
        var remaining = existing.SetElements.Where(e => !value.SetElements.Contains(e)).ToList();
        return remaining.Count == 0 ? null : AttributeValue.SetOf(existing.Type, remaining);
    }

    private static void SetAt(Dictionary<string, AttributeValue> item, IReadOnlyList<PathStep> steps, AttributeValue value)
    {
        var root = steps[0].Name!;
        if (steps.Count == 1)
        {
            item[root] = value;
            return;
        }
        item[root] = SetIn(item.TryGetValue(root, out var child) ? child : null, steps, 1, value);
    }

    private static AttributeValue SetIn(AttributeValue? node, IReadOnlyList<PathStep> steps, int i, AttributeValue value)
    {
        var step = steps[i];
        var last = i == steps.Count - 1;
        if (step.IsIndex)
        {
            if (node?.Type != AttributeType.L)
            {
                throw ExpressionScope.Invalid(ExpressionKind.UpdateExpression, InvalidPath);
            }
            var list = node.L.ToList();
            if (last)
            {
                // Past the end appends, as DynamoDB does for SET list[n].
                if (step.Index >= list.Count)
                {
                    list.Add(value);
                }
                else
                {
                    list[step.Index] = value;
                }
            }
            else
            {
                list[step.Index] = SetIn(step.Index < list.Count ? list[step.Index] : null, steps, i + 1, value);
            }
            return AttributeValue.FromL(list);
        }
        if (node?.Type != AttributeType.M)
        {
            throw ExpressionScope.Invalid(ExpressionKind.UpdateExpression, InvalidPath);
        }
        var map = new Dictionary<string, AttributeValue>(node.M, StringComparer.Ordinal);
        map[step.Name!] = last ? value : SetIn(map.TryGetValue(step.Name!, out var child) ? child : null, steps, i + 1, value);
        return AttributeValue.FromM(map);
    }

    private static void RemoveAt(Dictionary<string, AttributeValue> item, IReadOnlyList<PathStep> steps)
    {
        var root = steps[0].Name!;
        if (steps.Count == 1)
        {
            item.Remove(root);
        }
        else if (item.TryGetValue(root, out var child))
        {
            item[root] = RemoveIn(child, steps, 1);
        }
    }

    private static AttributeValue RemoveIn(AttributeValue node, IReadOnlyList<PathStep> steps, int i)
    {
        var step = steps[i];
        var last = i == steps.Count - 1;
        if (step.IsIndex)
        {
            if (node.Type != AttributeType.L || step.Index >= node.L.Count)
            {
                return node;
            }
            var list = node.L.ToList();
            if (last)
            {
                list.RemoveAt(step.Index);
            }
            else
            {
                list[step.Index] = RemoveIn(list[step.Index], steps, i + 1);
            }
            return AttributeValue.FromL(list);
        }
        if (node.Type != AttributeType.M || !node.M.TryGetValue(step.Name!, out var child))
        {
            return node;
        }
        var map = new Dictionary<string, AttributeValue>(node.M, StringComparer.Ordinal);
        if (last)
        {
            map.Remove(step.Name!);
        }
        else
        {
            map[step.Name!] = RemoveIn(child, steps, i + 1);
        }
        return AttributeValue.FromM(map);
    }
}
