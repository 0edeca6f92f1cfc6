using System.Text.Json;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Machines;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// Writes state machines, the versions executions run, and tags, before the operation that changed them answers.
/// Callers hold <see cref="Api.StepFunctionsBackend.MachineGate"/>, so writes land in the order the changes were made.
/// Nothing is serialised when the store is not durable.
/// </summary>
public sealed class MachineJournal(IDurableStore store)
{
    /// <summary>A machine created or updated: its record and its version in one write (tags too when a create brought them).</summary>
    public void Saved(StateMachineRecord machine, IReadOnlyList<KeyValuePair<string, string>>? tags = null)
    {
        if (!store.IsDurable)
        {
            return;
        }
        List<DurableChange> changes =
        [
            new DurableChange.Put(StatesCollections.Machines, machine.Arn, JsonSerializer.Serialize(MachineDocument.From(machine), DurableJson.Default.MachineDocument)),
            new DurableChange.Put(StatesCollections.Versions, StatesCollections.VersionKey(machine.Arn, machine.RevisionId),
                JsonSerializer.Serialize(VersionDocument.From(machine), DurableJson.Default.VersionDocument)),
        ];
        if (tags is { Count: > 0 })
        {
            changes.Add(PutTags(machine.Arn, tags));
        }
        store.Write(changes);
    }

    public void TagsChanged(string arn, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        if (store.IsDurable)
        {
            store.Write([PutTags(arn, tags)]);
        }
    }

    /// <summary>The machine and its tags go; its versions stay, for the executions that ran them.</summary>
    public void Deleted(string arn)
    {
        if (store.IsDurable)
        {
            store.Write([new DurableChange.Delete(StatesCollections.Machines, arn), new DurableChange.Delete(StatesCollections.Tags, arn)]);
        }
    }

    private static DurableChange.Put PutTags(string arn, IReadOnlyList<KeyValuePair<string, string>> tags)
        => new(StatesCollections.Tags, arn, JsonSerializer.Serialize(new TagsDocument(arn, [.. tags.Select(t => new TagDocument(t.Key, t.Value))]), DurableJson.Default.TagsDocument));
}
