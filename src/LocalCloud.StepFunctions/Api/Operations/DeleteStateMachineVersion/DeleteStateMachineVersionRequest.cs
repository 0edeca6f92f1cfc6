namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DeleteStateMachineVersionRequest(string? StateMachineVersionArn);
