namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record UntagResourceRequest(string? ResourceArn, IReadOnlyList<string>? TagKeys);
