namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record RedriveExecutionRequest(string? ExecutionArn, string? ClientToken);
