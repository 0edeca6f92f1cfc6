namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListStateMachineVersionsRequest(string? StateMachineArn, string? NextToken, int? MaxResults);
