namespace LocalCloud.StepFunctions.Api.Shapes;

/// <summary>The model's Tag structure: {"key": …, "value": …}.</summary>
public sealed record Tag(string? Key, string? Value);
