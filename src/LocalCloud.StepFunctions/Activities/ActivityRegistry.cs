using System.Collections.Concurrent;

namespace LocalCloud.StepFunctions.Activities;

/// <summary>Every activity by ARN, each with its queue of scheduled tasks and waiting pollers.</summary>
public sealed class ActivityRegistry
{
    private readonly ConcurrentDictionary<string, Entry> _activities = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="activity"/>, or returns the one already stored under its ARN.</summary>
    public ActivityRecord GetOrAdd(ActivityRecord activity) => _activities.GetOrAdd(activity.Arn, _ => new Entry(activity, new ActivityDispatcher())).Activity;

    public ActivityRecord? Find(string arn) => _activities.TryGetValue(arn, out var entry) ? entry.Activity : null;

    /// <summary>The activity's queue, or null when it does not exist.</summary>
    public ActivityDispatcher? Dispatcher(string arn) => _activities.TryGetValue(arn, out var entry) ? entry.Dispatcher : null;

    /// <summary>Removes the activity; its waiting pollers get no task. False when it did not exist.</summary>
    public bool Remove(string arn)
    {
        if (!_activities.TryRemove(arn, out var entry))
        {
            return false;
        }
        entry.Dispatcher.Close();
        return true;
    }

    /// <summary>The activities of one account and region, oldest first (ties by name), as ListActivities pages them.</summary>
    public IReadOnlyList<ActivityRecord> List(string account, string region)
    {
        var prefix = $"arn:aws:states:{region}:{account}:activity:";
        return [.. _activities.Values.Select(e => e.Activity)
            .Where(a => a.Arn.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(a => a.CreationDate)
            .ThenBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <summary>arn:aws:states:&lt;region&gt;:&lt;account&gt;:activity:&lt;name&gt;.</summary>
    public static string Arn(string region, string account, string name) => $"arn:aws:states:{region}:{account}:activity:{name}";

    /// <summary>Whether <paramref name="arn"/> has an activity ARN's shape (every part present).</summary>
    public static bool IsActivityArn(string arn)
        => arn.Split(':') is ["arn", { Length: > 0 }, "states", { Length: > 0 }, { Length: > 0 }, "activity", { Length: > 0 }];

    private sealed record Entry(ActivityRecord Activity, ActivityDispatcher Dispatcher);
}
