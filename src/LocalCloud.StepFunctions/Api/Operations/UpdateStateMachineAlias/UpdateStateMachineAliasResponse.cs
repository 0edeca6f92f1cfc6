namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record UpdateStateMachineAliasResponse(DateTimeOffset UpdateDate);
