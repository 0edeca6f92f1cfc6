namespace LocalCloud.StepFunctions.Asl.JsonPath;

/// <summary>One step of a path: a member name, an array index, [*] or ..name.</summary>
public abstract record JsonPathSegment
{
    public sealed record Member(string Name) : JsonPathSegment;

    public sealed record Index(int Position) : JsonPathSegment;

    public sealed record Wildcard : JsonPathSegment;

    public sealed record Descendant(string Name) : JsonPathSegment;
}
