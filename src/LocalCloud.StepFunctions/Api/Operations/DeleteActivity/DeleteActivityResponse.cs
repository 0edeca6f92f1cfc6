namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DeleteActivityResponse;
