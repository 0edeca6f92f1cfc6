namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record UpdateStateMachineRequest(string? StateMachineArn, string? Definition, string? RoleArn, bool? Publish = null, string? VersionDescription = null);
