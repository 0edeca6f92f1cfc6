using LocalCloud.StepFunctions.Asl.Definition;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>The state machine as an execution started it: later updates do not change a running execution.</summary>
public sealed record StateMachineVersion(
    string Arn,
    string Name,
    string RoleArn,
    StateMachineDefinition Definition,
    string DefinitionText = "",
    DateTimeOffset UpdateDate = default,
    string? RevisionId = null);
