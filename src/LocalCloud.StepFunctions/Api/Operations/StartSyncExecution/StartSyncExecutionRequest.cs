namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record StartSyncExecutionRequest(string? StateMachineArn, string? Name, string? Input, string? TraceHeader, string? IncludedData);
