namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ValidateStateMachineDefinitionRequest(string? Definition, string? Type, string? Severity, int? MaxResults);
