namespace LocalCloud.StepFunctions.Api.Shapes;

public sealed record StateMachineListItem(string StateMachineArn, string Name, string Type, DateTimeOffset CreationDate);
