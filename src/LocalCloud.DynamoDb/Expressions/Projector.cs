using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Expressions;

/// <summary>
/// Keeps only the requested document paths of an item (ProjectionExpression, UPDATED_OLD/NEW).
/// Nested paths keep their enclosing maps; list elements picked by index come back as a shorter
/// list in index order, as DynamoDB returns them.
/// </summary>
internal static class Projector
{
    public static Item Project(Item item, IEnumerable<IReadOnlyList<PathStep>> paths)
    {
        var root = new Node();
        foreach (var steps in paths)
        {
            if (ExpressionEvaluator.Resolve(item, steps) is not { } value)
            {
                continue;
            }
            var node = root;
            foreach (var step in steps)
            {
                if (node.Whole is not null)
                {
                    break;
                }
                node = step.IsIndex
                    ? (node.Elements ??= []).TryGetValue(step.Index, out var e) ? e : node.Elements[step.Index] = new Node()
                    : (node.Members ??= new(StringComparer.Ordinal)).TryGetValue(step.Name!, out var m) ? m : node.Members[step.Name!] = new Node();
            }
            if (node.Whole is null)
            {
                node.Whole = value;
                node.Members = null;
                node.Elements = null;
            }
        }
        return root.Members?.ToDictionary(kv => kv.Key, kv => kv.Value.Build(), StringComparer.Ordinal) ?? new Dictionary<string, AttributeValue>();
    }

    private sealed class Node
    {
        public AttributeValue? Whole { get; set; }

        public Dictionary<string, Node>? Members { get; set; }

        public SortedDictionary<int, Node>? Elements { get; set; }

        public AttributeValue Build()
            => Whole ?? (Elements is not null
                ? AttributeValue.FromL(Elements.Values.Select(e => e.Build()).ToList())
                : AttributeValue.FromM(Members!.ToDictionary(kv => kv.Key, kv => kv.Value.Build(), StringComparer.Ordinal)));
    }
}
