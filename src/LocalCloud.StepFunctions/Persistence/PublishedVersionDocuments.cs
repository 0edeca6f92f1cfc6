using LocalCloud.StepFunctions.Machines.Versions;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>A published version as stored (collection <see cref="VersionCollections.Published"/>); the graph is parsed again on load.</summary>
public sealed record PublishedVersionDocument(
    string MachineArn,
    int Number,
    string Definition,
    string RoleArn,
    string Type,
    string? RevisionId,
    string? Description,
    DateTimeOffset CreationDate,
    DateTimeOffset RevisionDate)
{
    public int V { get; init; } = 1;

    public static PublishedVersionDocument From(PublishedVersion v)
        => new(v.MachineArn, v.Number, v.Definition, v.RoleArn, v.Type, v.RevisionId, v.Description, v.CreationDate, v.RevisionDate);
}

/// <summary>An alias as stored (collection <see cref="VersionCollections.Aliases"/>).</summary>
public sealed record MachineAliasDocument(
    string MachineArn,
    string Name,
    string? Description,
    IReadOnlyList<AliasRouteDocument> Routing,
    DateTimeOffset CreationDate,
    DateTimeOffset UpdateDate)
{
    public int V { get; init; } = 1;

    public static MachineAliasDocument From(MachineAlias a)
        => new(a.MachineArn, a.Name, a.Description, [.. a.Routing.Select(r => new AliasRouteDocument(r.VersionArn, r.Weight))], a.CreationDate, a.UpdateDate);

    public MachineAlias ToAlias() => new(MachineArn, Name, Description, [.. Routing.Select(r => new AliasRoute(r.VersionArn, r.Weight))], CreationDate, UpdateDate);
}

public sealed record AliasRouteDocument(string VersionArn, int Weight);

/// <summary>The highest version number a machine has given (collection <see cref="VersionCollections.Counters"/>), so numbers are not reused after a restart.</summary>
public sealed record VersionCounterDocument(string MachineArn, int LastNumber)
{
    public int V { get; init; } = 1;
}

/// <summary>The version and alias an execution was started on (collection <see cref="VersionCollections.Executions"/>).</summary>
public sealed record ExecutionQualifierDocument(string ExecutionArn, string VersionArn, string? AliasArn)
{
    public int V { get; init; } = 1;
}

/// <summary>The durable collections of published versions and aliases. Keys are ARNs (unique per account and region).</summary>
public static class VersionCollections
{
    /// <summary>Key: version ARN.</summary>
    public const string Published = "states.publishedVersions";

    /// <summary>Key: alias ARN.</summary>
    public const string Aliases = "states.aliases";

    /// <summary>Key: state machine ARN.</summary>
    public const string Counters = "states.versionCounters";

    /// <summary>Key: execution ARN; only executions started on a version or alias have one.</summary>
    public const string Executions = "states.executionQualifiers";
}
