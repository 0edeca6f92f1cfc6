using LocalCloud.StepFunctions.Machines;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>One revision of a state machine, as the executions started on it run it and DescribeStateMachineForExecution shows it.</summary>
public sealed record VersionDocument(string Arn, string Name, string RoleArn, string Definition, DateTimeOffset UpdateDate, string? RevisionId)
{
    public int V { get; init; } = 1;

    public static VersionDocument From(StateMachineRecord m) => new(m.Arn, m.Name, m.RoleArn, m.Definition, m.UpdateDate ?? m.CreationDate, m.RevisionId);
}
