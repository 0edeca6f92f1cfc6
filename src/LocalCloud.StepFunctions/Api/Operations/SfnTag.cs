namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>The model's Tag structure: {"key": …, "value": …}.</summary>
public sealed record SfnTag(string? Key, string? Value);
