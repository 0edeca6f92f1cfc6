namespace LocalCloud.StepFunctions.Api.Shapes;

public sealed record ExecutionListItem(string ExecutionArn, string StateMachineArn, string Name, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate, int RedriveCount,
    DateTimeOffset? RedriveDate = null, string? MapRunArn = null, long? ItemCount = null,
    string? StateMachineVersionArn = null, string? StateMachineAliasArn = null);
