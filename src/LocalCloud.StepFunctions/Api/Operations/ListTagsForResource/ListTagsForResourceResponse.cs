namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListTagsForResourceResponse(IReadOnlyList<SfnTag> Tags);
