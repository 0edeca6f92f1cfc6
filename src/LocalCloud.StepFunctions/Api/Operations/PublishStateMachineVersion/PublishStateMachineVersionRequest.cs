namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record PublishStateMachineVersionRequest(string? StateMachineArn, string? RevisionId, string? Description);
