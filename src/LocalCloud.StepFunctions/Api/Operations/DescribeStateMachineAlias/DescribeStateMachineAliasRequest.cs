namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeStateMachineAliasRequest(string? StateMachineAliasArn);
