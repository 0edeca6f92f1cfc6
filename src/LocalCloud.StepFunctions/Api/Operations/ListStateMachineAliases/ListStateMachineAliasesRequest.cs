namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListStateMachineAliasesRequest(string? StateMachineArn, string? NextToken, int? MaxResults);
