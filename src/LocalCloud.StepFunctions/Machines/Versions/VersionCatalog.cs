using System.Collections.Concurrent;

namespace LocalCloud.StepFunctions.Machines.Versions;

/// <summary>
/// The published versions and aliases of every state machine, and which version each qualified execution ran.
/// Changes are made under the backend's machine gate (so they reach the durable store in order); reads need no lock.
/// Version numbers only grow: a deleted version's number is never given again while its machine exists.
/// </summary>
public sealed class VersionCatalog
{
    private readonly ConcurrentDictionary<string, PublishedVersion> _versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MachineAlias> _aliases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _lastNumber = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExecutionQualifier> _executions = new(StringComparer.Ordinal);
    private readonly Lock _randomGate = new();
    private Random _random = Random.Shared;

    /// <summary>
    /// Where an alias's split between two versions draws from: AWS chooses at random by weight; tests seed their own
    /// so the split is repeatable.
    /// </summary>
    public Random Random
    {
        get => _random;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_randomGate)
            {
                _random = value;
            }
        }
    }

    public PublishedVersion? FindVersion(string versionArn) => _versions.GetValueOrDefault(versionArn);

    public MachineAlias? FindAlias(string aliasArn) => _aliases.GetValueOrDefault(aliasArn);

    /// <summary>The highest number ever given to a version of the machine, 0 when none was.</summary>
    public int LastNumber(string machineArn) => _lastNumber.GetValueOrDefault(machineArn);

    /// <summary>Newest first, as ListStateMachineVersions returns them.</summary>
    public IReadOnlyList<PublishedVersion> Versions(string machineArn)
        => _versions.Values.Where(v => v.MachineArn == machineArn).OrderByDescending(v => v.Number).ToList();

    /// <summary>Oldest first, as AWS answered ListStateMachineAliases in LocalStack's recorded snapshots (test_sfn_api_aliasing).</summary>
    public IReadOnlyList<MachineAlias> Aliases(string machineArn)
        => _aliases.Values.Where(a => a.MachineArn == machineArn).OrderBy(a => a.CreationDate).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();

    /// <summary>The published version of exactly this revision, if one exists (publishing is idempotent per revision).</summary>
    public PublishedVersion? ForRevision(string machineArn, string? revisionId)
        => _versions.Values.Where(v => v.MachineArn == machineArn && v.RevisionId == revisionId).MaxBy(v => v.Number);

    /// <summary>The aliases that route to the version (it cannot be deleted while any does).</summary>
    public IReadOnlyList<MachineAlias> AliasesRoutingTo(string versionArn)
        => _aliases.Values.Where(a => a.Routing.Any(r => r.VersionArn == versionArn)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();

    public void AddVersion(PublishedVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        _versions[version.Arn] = version;
        _lastNumber.AddOrUpdate(version.MachineArn, version.Number, (_, last) => Math.Max(last, version.Number));
    }

    /// <summary>Restores the counter on load: the last number may belong to a version deleted since.</summary>
    public void RestoreLastNumber(string machineArn, int number) => _lastNumber.AddOrUpdate(machineArn, number, (_, last) => Math.Max(last, number));

    public bool RemoveVersion(string versionArn) => _versions.TryRemove(versionArn, out _);

    public void PutAlias(MachineAlias alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        _aliases[alias.Arn] = alias;
    }

    public bool RemoveAlias(string aliasArn) => _aliases.TryRemove(aliasArn, out _);

    /// <summary>Forgets every version, alias and the counter of a deleted machine; returns what was removed, for the durable store.</summary>
    public (IReadOnlyList<string> Versions, IReadOnlyList<string> Aliases) RemoveMachine(string machineArn)
    {
        var versions = _versions.Values.Where(v => v.MachineArn == machineArn).Select(v => v.Arn).ToList();
        var aliases = _aliases.Values.Where(a => a.MachineArn == machineArn).Select(a => a.Arn).ToList();
        versions.ForEach(v => _versions.TryRemove(v, out _));
        aliases.ForEach(a => _aliases.TryRemove(a, out _));
        _lastNumber.TryRemove(machineArn, out _);
        return (versions, aliases);
    }

    /// <summary>Picks the version an execution started through the alias runs, by the routes' weights.</summary>
    public string Route(MachineAlias alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        if (alias.Routing.Count == 1)
        {
            return alias.Routing[0].VersionArn;
        }
        int draw;
        lock (_randomGate)
        {
            draw = _random.Next(100);
        }
        foreach (var route in alias.Routing)
        {
            if (draw < route.Weight)
            {
                return route.VersionArn;
            }
            draw -= route.Weight;
        }
        return alias.Routing[^1].VersionArn;
    }

    public void RecordExecution(string executionArn, ExecutionQualifier qualifier) => _executions[executionArn] = qualifier;

    public ExecutionQualifier? ExecutionOf(string executionArn) => _executions.GetValueOrDefault(executionArn);

    /// <summary>Retention forgot the execution: its qualifier goes with it (its stored record goes in the execution's own delete).</summary>
    public void ForgetExecution(string executionArn) => _executions.TryRemove(executionArn, out _);

    /// <summary>Executions whose version is remembered (retention keeps this at most as large as the execution registry).</summary>
    public int ExecutionCount => _executions.Count;
}
