namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ValidateStateMachineDefinitionDiagnostic(string Severity, string Code, string Message, string? Location);
