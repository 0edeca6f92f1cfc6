namespace LocalCloud.StepFunctions.Api.Shapes;

public sealed record StateMachineVersionListItem(string StateMachineVersionArn, DateTimeOffset CreationDate);
