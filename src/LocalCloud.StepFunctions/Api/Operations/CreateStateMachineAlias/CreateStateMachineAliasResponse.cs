namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record CreateStateMachineAliasResponse(string StateMachineAliasArn, DateTimeOffset CreationDate);
