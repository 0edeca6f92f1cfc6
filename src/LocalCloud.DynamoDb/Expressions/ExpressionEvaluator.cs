using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Expressions;

/// <summary>
/// Walks a validated AST against an item. Comparison semantics follow DynamoDB
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html):
/// a missing attribute or a type mismatch makes a comparison false (so &lt;&gt; is true);
/// ordering applies to S, N and B only.
/// </summary>
internal sealed class ExpressionEvaluator(ExpressionScope scope, ExpressionKind kind)
{
    public ExpressionKind Kind { get; } = kind;

    public bool Matches(Condition condition, Item item) => condition switch
    {
        Condition.Compare c => Compare(Value(c.Left, item), c.Operator, Value(c.Right, item)),
        Condition.Between b => Value(b.Value, item) is { } v && Value(b.Lower, item) is { } lo && Value(b.Upper, item) is { } hi
            && KeyValueComparer.CompareScalars(v, lo) >= 0 && KeyValueComparer.CompareScalars(v, hi) <= 0,
        Condition.In i => Value(i.Value, item) is { } v && i.Candidates.Any(c => v.Equals(Value(c, item))),
        Condition.And a => Matches(a.Left, item) && Matches(a.Right, item),
        Condition.Or o => Matches(o.Left, item) || Matches(o.Right, item),
        Condition.Not n => !Matches(n.Inner, item),
        Condition.Function f => Function(f.Call, item),
        _ => false,
    };

    /// <summary>The value of an operand; null when it names an attribute the item lacks.</summary>
    public AttributeValue? Value(Operand operand, Item item) => operand switch
    {
        Operand.PathRef p => Resolve(item, p.Path),
        Operand.ValueRef v => scope.Value(v.Name, Kind),
        Operand.Call { Function: "size" } c => Size(Value(c.Arguments[0], item)),
        Operand.Call { Function: "if_not_exists" } c => Value(c.Arguments[0], item) ?? Value(c.Arguments[1], item),
        Operand.Call { Function: "list_append" } c => ListAppend(Required(c.Arguments[0], item), Required(c.Arguments[1], item)),
        Operand.Arithmetic a => Arithmetic(Required(a.Left, item), a.Operator, Required(a.Right, item)),
        _ => null,
    };

    public IReadOnlyList<PathStep> Steps(DocumentPath path) => ExpressionValidator.Steps(path, scope, Kind);

    /// <summary>
    /// <see cref="Resolve(Item, IReadOnlyList{PathStep})"/> without building the steps: an operand is evaluated once
    /// per item a condition reads, and a list of steps each time was 3 % of the bytes allocated in the wire benchmark.
    /// </summary>
    private AttributeValue? Resolve(Item item, DocumentPath path)
    {
        var elements = path.Elements;
        // Every name first, as building the steps did: an undefined placeholder fails whatever the item holds.
        foreach (var element in elements)
        {
            if (element is PathElement.Name name)
            {
                scope.Name(name, Kind);
            }
        }
        if (!item.TryGetValue(scope.Name(path.Root, Kind), out var current))
        {
            return null;
        }
        for (var i = 1; i < elements.Count; i++)
        {
            if (elements[i] is PathElement.Index index)
            {
                if (current.Type != AttributeType.L || index.Value >= current.L.Count)
                {
                    return null;
                }
                current = current.L[index.Value];
            }
            else if (current.Type != AttributeType.M || !current.M.TryGetValue(scope.Name((PathElement.Name)elements[i], Kind), out current))
            {
                return null;
            }
        }
        return current;
    }

    public static AttributeValue? Resolve(Item item, IReadOnlyList<PathStep> steps)
    {
        if (!item.TryGetValue(steps[0].Name!, out var current))
        {
            return null;
        }
        for (var i = 1; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.IsIndex)
            {
                if (current.Type != AttributeType.L || step.Index >= current.L.Count)
                {
                    return null;
                }
                current = current.L[step.Index];
            }
            else if (current.Type != AttributeType.M || !current.M.TryGetValue(step.Name!, out current))
            {
                return null;
            }
        }
        return current;
    }

    private AttributeValue Required(Operand operand, Item item)
        => Value(operand, item) ?? throw ExpressionScope.Invalid(Kind, "The provided expression refers to an attribute that does not exist in the item");

    private static bool Compare(AttributeValue? left, string op, AttributeValue? right)
    {
        if (op == "=")
        {
            return left is not null && left.Equals(right);
        }
        if (op == "<>")
        {
            return left is null || !left.Equals(right);
        }
        if (left is null || right is null || KeyValueComparer.CompareScalars(left, right) is not { } c)
        {
            return false;
        }
        return op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        };
    }

    private bool Function(Operand.Call call, Item item)
    {
        var first = Value(call.Arguments[0], item);
        switch (call.Function)
        {
            case "attribute_exists":
                return first is not null;
            case "attribute_not_exists":
                return first is null;
        }
        var second = Value(call.Arguments[1], item);
        if (first is null || second is null)
        {
            return false;
        }
        return call.Function switch
        {
            "attribute_type" => second.Type == AttributeType.S && first.Type.ToString() == second.S,
            "begins_with" => (first.Type, second.Type) switch
            {
                (AttributeType.S, AttributeType.S) => first.S.StartsWith(second.S, StringComparison.Ordinal),
                (AttributeType.B, AttributeType.B) => first.B.AsSpan().StartsWith(second.B),
                _ => false,
            },
            "contains" => first.Type switch
            {
                AttributeType.S => second.Type == AttributeType.S && first.S.Contains(second.S, StringComparison.Ordinal),
                AttributeType.L => first.L.Contains(second),
                _ when first.IsSet => first.SetElements.Contains(second),
                _ => false,
            },
            _ => false,
        };
    }

    private static AttributeValue? Size(AttributeValue? value)
    {
        long? size = value?.Type switch
        {
            AttributeType.S => value.S.Length,
            AttributeType.B => value.B.Length,
            AttributeType.L => value.L.Count,
            AttributeType.M => value.M.Count,
            AttributeType.SS or AttributeType.NS or AttributeType.BS => value.SetElements.Count(),
            _ => null,
        };
        return size is { } s ? AttributeValue.FromN(DynamoNumber.FromInt(s)) : null;
    }

    private AttributeValue ListAppend(AttributeValue a, AttributeValue b)
    {
        var wrong = a.Type != AttributeType.L ? a : b.Type != AttributeType.L ? b : null;
        if (wrong is not null)
        {
            throw ExpressionScope.Invalid(Kind, $"Incorrect operand type for operator or function; operator or function: list_append, operand type: {wrong.Type}");
        }
        return AttributeValue.FromL([.. a.L, .. b.L]);
    }

    private AttributeValue Arithmetic(AttributeValue a, char op, AttributeValue b)
    {
        var wrong = a.Type != AttributeType.N ? a : b.Type != AttributeType.N ? b : null;
        if (wrong is not null)
        {
            throw ExpressionScope.Invalid(Kind, $"Incorrect operand type for operator or function; operator or function: {op}, operand type: {wrong.Type}");
        }
        return AttributeValue.FromN(op == '+' ? a.N + b.N : a.N - b.N);
    }
}
