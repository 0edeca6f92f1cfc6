namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record StartExecutionResponse(string ExecutionArn, DateTimeOffset StartDate);
