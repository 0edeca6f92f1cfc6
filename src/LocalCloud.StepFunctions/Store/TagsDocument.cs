using LocalCloud.StepFunctions.Api.Operations;

namespace LocalCloud.StepFunctions.Store;

/// <summary>A resource's tags as stored, in the order ListTagsForResource returns them.</summary>
public sealed record TagsDocument(string Arn, IReadOnlyList<SfnTag> Tags)
{
    public int V { get; init; } = 1;
}
