namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DeleteActivityRequest(string? ActivityArn);
