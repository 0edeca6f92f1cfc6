namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListActivitiesRequest(int? MaxResults, string? NextToken);
