namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeStateMachineForExecutionRequest(string? ExecutionArn, string? IncludedData);
