using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Definition;

/// <summary>A parsed, validated state machine; <see cref="QueryLanguage"/> is its top-level default, each state has its own.</summary>
public sealed record StateMachineDefinition(
    string StartAt, IReadOnlyDictionary<string, State> States, long? TimeoutSeconds, string? Comment, QueryLanguage QueryLanguage = QueryLanguage.JsonPath);
