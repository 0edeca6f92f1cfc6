using LocalCloud.StepFunctions.Asl.Definition;

namespace LocalCloud.StepFunctions.Machines;

/// <summary>A stored state machine. The parsed definition is kept beside its text so executions need not re-parse.</summary>
public sealed record StateMachineRecord(
    string Arn,
    string Name,
    string Definition,
    StateMachineDefinition Parsed,
    string RoleArn,
    string Type,
    DateTimeOffset CreationDate,
    string? RevisionId = null,
    DateTimeOffset? UpdateDate = null);
