namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListExecutionsRequest(string? StateMachineArn, string? StatusFilter, int? MaxResults, string? NextToken, string? MapRunArn = null, string? RedriveFilter = null);
