namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ValidateStateMachineDefinitionResponse(string Result, IReadOnlyList<ValidateStateMachineDefinitionDiagnostic> Diagnostics, bool Truncated);
