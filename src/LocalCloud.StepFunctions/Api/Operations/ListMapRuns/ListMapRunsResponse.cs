namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListMapRunsResponse(IReadOnlyList<MapRunListItem> MapRuns, string? NextToken);

public sealed record MapRunListItem(string ExecutionArn, string MapRunArn, string StateMachineArn, DateTimeOffset StartDate, DateTimeOffset? StopDate);
