namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeStateMachineRequest(string? StateMachineArn);
