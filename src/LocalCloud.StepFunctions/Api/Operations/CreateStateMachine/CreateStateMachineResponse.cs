namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record CreateStateMachineResponse(string StateMachineArn, DateTimeOffset CreationDate, string? StateMachineVersionArn = null);
