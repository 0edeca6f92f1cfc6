namespace LocalCloud.StepFunctions.Machines.Versions;

/// <summary>
/// A named pointer to one or two versions of the same state machine, with the share of executions each gets
/// (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html). Its ARN is the machine's
/// with ":&lt;name&gt;" appended.
/// </summary>
public sealed record MachineAlias(
    string MachineArn,
    string Name,
    string? Description,
    IReadOnlyList<AliasRoute> Routing,
    DateTimeOffset CreationDate,
    DateTimeOffset UpdateDate)
{
    public string Arn => MachineArn + ":" + Name;

    /// <summary>Same description and the same routes in the same order: what makes CreateStateMachineAlias idempotent.</summary>
    public bool SameAs(string? description, IReadOnlyList<AliasRoute> routing) => Description == description && Routing.SequenceEqual(routing);
}

/// <summary>One version an alias routes to and its weight, 0–100; an alias's weights add up to 100.</summary>
public sealed record AliasRoute(string VersionArn, int Weight);
