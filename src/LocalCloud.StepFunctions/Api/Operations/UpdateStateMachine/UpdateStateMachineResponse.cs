namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record UpdateStateMachineResponse(DateTimeOffset UpdateDate, string? RevisionId, string? StateMachineVersionArn = null);
