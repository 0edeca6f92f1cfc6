namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListMapRunsRequest(string? ExecutionArn, int? MaxResults, string? NextToken);
