namespace LocalCloud.DynamoDb.Expressions;

/// <summary>A path into an item such as a.b[2].#c; the first element is always a name.</summary>
internal sealed record DocumentPath(IReadOnlyList<PathElement> Elements)
{
    public PathElement.Name Root => (PathElement.Name)Elements[0];

    public override string ToString() => string.Join('.', Elements).Replace(".[", "[", StringComparison.Ordinal);
}
