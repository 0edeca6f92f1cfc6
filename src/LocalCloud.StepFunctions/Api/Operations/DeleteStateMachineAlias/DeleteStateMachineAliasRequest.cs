namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DeleteStateMachineAliasRequest(string? StateMachineAliasArn);
