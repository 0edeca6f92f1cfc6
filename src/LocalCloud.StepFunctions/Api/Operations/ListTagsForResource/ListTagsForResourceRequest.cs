namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListTagsForResourceRequest(string? ResourceArn);
