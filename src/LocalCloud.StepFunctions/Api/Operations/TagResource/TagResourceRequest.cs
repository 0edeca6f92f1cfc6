namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record TagResourceRequest(string? ResourceArn, IReadOnlyList<SfnTag>? Tags);
