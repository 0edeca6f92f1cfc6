namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record StopExecutionRequest(string? ExecutionArn, string? Error, string? Cause);
