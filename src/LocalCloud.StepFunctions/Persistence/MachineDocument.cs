using LocalCloud.StepFunctions.Machines;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>A state machine as stored; the parsed definition is rebuilt from the text on load.</summary>
public sealed record MachineDocument(
    string Arn,
    string Name,
    string Definition,
    string RoleArn,
    string Type,
    DateTimeOffset CreationDate,
    string? RevisionId,
    DateTimeOffset? UpdateDate)
{
    public int V { get; init; } = 1;

    public static MachineDocument From(StateMachineRecord m) => new(m.Arn, m.Name, m.Definition, m.RoleArn, m.Type, m.CreationDate, m.RevisionId, m.UpdateDate);
}
