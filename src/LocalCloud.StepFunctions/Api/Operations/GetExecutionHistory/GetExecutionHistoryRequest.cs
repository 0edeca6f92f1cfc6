namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record GetExecutionHistoryRequest(string? ExecutionArn, int? MaxResults, bool? ReverseOrder, string? NextToken, bool? IncludeExecutionData);
