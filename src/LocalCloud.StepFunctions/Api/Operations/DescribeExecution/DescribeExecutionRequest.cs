namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeExecutionRequest(string? ExecutionArn);
