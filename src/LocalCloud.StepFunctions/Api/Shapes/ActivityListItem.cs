namespace LocalCloud.StepFunctions.Api.Shapes;

public sealed record ActivityListItem(string ActivityArn, string Name, DateTimeOffset CreationDate);
