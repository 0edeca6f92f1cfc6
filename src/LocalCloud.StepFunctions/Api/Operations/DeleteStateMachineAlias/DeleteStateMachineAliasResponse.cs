namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DeleteStateMachineAliasResponse;
