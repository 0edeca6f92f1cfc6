namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DeleteStateMachineRequest(string? StateMachineArn);
