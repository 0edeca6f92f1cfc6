namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListStateMachinesRequest(int? MaxResults, string? NextToken);
