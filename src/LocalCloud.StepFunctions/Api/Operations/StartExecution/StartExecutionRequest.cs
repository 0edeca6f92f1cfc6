namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record StartExecutionRequest(string? StateMachineArn, string? Name, string? Input, string? TraceHeader);
