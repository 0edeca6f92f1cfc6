namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record StateMachineListItem(string StateMachineArn, string Name, string Type, DateTimeOffset CreationDate);
