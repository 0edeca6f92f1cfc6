using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Definition;

/// <summary>A parsed, validated state machine (JSONPath query language).</summary>
public sealed record StateMachineDefinition(string StartAt, IReadOnlyDictionary<string, State> States, long? TimeoutSeconds, string? Comment);
