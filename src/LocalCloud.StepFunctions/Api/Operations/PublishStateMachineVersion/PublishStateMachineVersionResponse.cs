namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record PublishStateMachineVersionResponse(DateTimeOffset CreationDate, string StateMachineVersionArn);
