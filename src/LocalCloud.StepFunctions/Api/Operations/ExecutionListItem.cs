namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ExecutionListItem(string ExecutionArn, string StateMachineArn, string Name, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate, int RedriveCount);
