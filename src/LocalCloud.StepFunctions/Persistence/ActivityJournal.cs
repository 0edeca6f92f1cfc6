using System.Text.Json;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Activities;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// Writes activities (and the tags a create brought) before the operation answers; callers hold the machine gate, as for
/// state machines, so the store sees changes in order. Nothing is serialised when the store is not durable.
/// </summary>
public sealed class ActivityJournal(IDurableStore store)
{
    public void Created(ActivityRecord activity, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        if (!store.IsDurable)
        {
            return;
        }
        List<DurableChange> changes = [new DurableChange.Put(ActivityDocument.Collection, activity.Arn, JsonSerializer.Serialize(ActivityDocument.From(activity), DurableJson.Default.ActivityDocument))];
        if (tags.Count > 0)
        {
            changes.Add(new DurableChange.Put(StatesCollections.Tags, activity.Arn,
                JsonSerializer.Serialize(new TagsDocument(activity.Arn, [.. tags.Select(t => new TagDocument(t.Key, t.Value))]), DurableJson.Default.TagsDocument)));
        }
        store.Write(changes);
    }

    /// <summary>The activity and its tags go in one write.</summary>
    public void Deleted(string arn)
    {
        if (store.IsDurable)
        {
            store.Write([new DurableChange.Delete(ActivityDocument.Collection, arn), new DurableChange.Delete(StatesCollections.Tags, arn)]);
        }
    }
}
