using System.Text.Json;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Machines.Versions;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// Writes published versions, aliases and execution qualifiers before the operation that changed them answers.
/// Callers hold the backend's machine gate, so writes land in the order the changes were made.
/// </summary>
public sealed class VersionJournal(IDurableStore store)
{
    /// <summary>The version and the machine's counter in one write, so a restart never hands its number out again.</summary>
    public void Published(PublishedVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (store.IsDurable)
        {
            store.Write(
            [
                new DurableChange.Put(VersionCollections.Published, version.Arn, JsonSerializer.Serialize(PublishedVersionDocument.From(version), DurableJson.Default.PublishedVersionDocument)),
                new DurableChange.Put(VersionCollections.Counters, version.MachineArn,
                    JsonSerializer.Serialize(new VersionCounterDocument(version.MachineArn, version.Number), DurableJson.Default.VersionCounterDocument)),
            ]);
        }
    }

    public void VersionDeleted(string versionArn)
    {
        if (store.IsDurable)
        {
            store.Write([new DurableChange.Delete(VersionCollections.Published, versionArn)]);
        }
    }

    public void AliasSaved(MachineAlias alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        if (store.IsDurable)
        {
            store.Write([new DurableChange.Put(VersionCollections.Aliases, alias.Arn, JsonSerializer.Serialize(MachineAliasDocument.From(alias), DurableJson.Default.MachineAliasDocument))]);
        }
    }

    public void AliasDeleted(string aliasArn)
    {
        if (store.IsDurable)
        {
            store.Write([new DurableChange.Delete(VersionCollections.Aliases, aliasArn)]);
        }
    }

    /// <summary>A deleted machine takes its versions, aliases and counter with it.</summary>
    public void MachineDeleted(string machineArn, IReadOnlyList<string> versions, IReadOnlyList<string> aliases)
    {
        if (!store.IsDurable)
        {
            return;
        }
        List<DurableChange> changes = [new DurableChange.Delete(VersionCollections.Counters, machineArn)];
        changes.AddRange(versions.Select(v => new DurableChange.Delete(VersionCollections.Published, v)));
        changes.AddRange(aliases.Select(a => new DurableChange.Delete(VersionCollections.Aliases, a)));
        store.Write(changes);
    }

    /// <summary>Written before StartExecution answers, beside the execution's own record.</summary>
    public void ExecutionStarted(string executionArn, ExecutionQualifier qualifier)
    {
        ArgumentNullException.ThrowIfNull(qualifier);
        if (store.IsDurable)
        {
            store.Write([new DurableChange.Put(VersionCollections.Executions, executionArn,
                JsonSerializer.Serialize(new ExecutionQualifierDocument(executionArn, qualifier.VersionArn, qualifier.AliasArn), DurableJson.Default.ExecutionQualifierDocument))]);
        }
    }
}
