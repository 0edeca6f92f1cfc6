namespace LocalCloud.DynamoDb.Expressions;

/// <summary>A resolved path step: a map key (placeholders substituted) or a list index.</summary>
internal readonly record struct PathStep(string? Name, int Index)
{
    public bool IsIndex => Name is null;

    public override string ToString() => Name ?? $"[{Index}]";
}
