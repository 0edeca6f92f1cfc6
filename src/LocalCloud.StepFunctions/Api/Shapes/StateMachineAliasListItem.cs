namespace LocalCloud.StepFunctions.Api.Shapes;

public sealed record StateMachineAliasListItem(string StateMachineAliasArn, DateTimeOffset CreationDate);
