namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record CreateActivityResponse(string ActivityArn, DateTimeOffset CreationDate);
