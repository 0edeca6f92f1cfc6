namespace LocalCloud.StepFunctions.Persistence;

/// <summary>A resource's tags as stored, in the order ListTagsForResource returns them.</summary>
public sealed record TagsDocument(string Arn, IReadOnlyList<TagDocument> Tags)
{
    public int V { get; init; } = 1;
}

/// <summary>One stored tag; the same {"key","value"} JSON as the wire's Tag, kept apart so the store does not depend on the API.</summary>
public sealed record TagDocument(string? Key, string? Value);
