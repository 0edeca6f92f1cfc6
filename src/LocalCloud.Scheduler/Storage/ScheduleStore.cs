using LocalCloud.Core.Persistence;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Model;
using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Storage;

/// <summary>
/// Schedules and schedule groups per account and region. Thread-safe; callers arm timers only after a
/// change has been stored (and never while this lock is held, since a due timer can fire synchronously).
/// Every change is written to the durable store (when there is one) inside the lock and before memory
/// changes, so the durable order matches memory and a failed durable write changes nothing.
/// </summary>
internal sealed class ScheduleStore(TimeProvider time, IDurableStore durable)
{
    private readonly Lock _gate = new();
    private readonly DurableSchedules _durable = new(durable);
    private readonly Dictionary<(string Account, string Region, string Group, string Name), Schedule> _schedules = [];
    private readonly Dictionary<(string Account, string Region, string Name), ScheduleGroup> _groups = [];

    public static string ScheduleArn(string account, string region, string group, string name)
        => $"arn:aws:scheduler:{region}:{account}:schedule/{group}/{name}";

    public static string GroupArn(string account, string region, string name)
        => $"arn:aws:scheduler:{region}:{account}:schedule-group/{name}";

    /// <summary>Reads back what the durable store holds; returns the schedules to re-arm (those not yet completed).</summary>
    public List<Schedule> Load()
    {
        lock (_gate)
        {
            foreach (var group in _durable.LoadGroups())
            {
                _groups[(group.AccountId, group.Region, group.Name)] = group;
            }
            var pending = new List<Schedule>();
            foreach (var (schedule, completed) in _durable.LoadSchedules())
            {
                _schedules[Key(schedule)] = schedule;
                if (!completed)
                {
                    pending.Add(schedule);
                }
            }
            return pending;
        }
    }

    public void Add(Schedule schedule)
    {
        lock (_gate)
        {
            RequireGroup(schedule.AccountId, schedule.Region, schedule.GroupName);
            if (_schedules.ContainsKey(Key(schedule)))
            {
                throw SchedulerErrors.ScheduleExists(schedule.Name);
            }
            _durable.PutSchedule(schedule);
            _schedules.Add(Key(schedule), schedule);
        }
    }

    /// <summary>Replaces an existing schedule, returning the one it replaced.</summary>
    public Schedule Replace(Schedule schedule)
    {
        lock (_gate)
        {
            RequireGroup(schedule.AccountId, schedule.Region, schedule.GroupName);
            if (!_schedules.TryGetValue(Key(schedule), out var old))
            {
                throw SchedulerErrors.ScheduleNotFound(schedule.Name);
            }
            _durable.PutSchedule(schedule);
            _schedules[Key(schedule)] = schedule;
            return old;
        }
    }

    public Schedule Get(string account, string region, string group, string name)
    {
        lock (_gate)
        {
            RequireGroup(account, region, group);
            return _schedules.TryGetValue((account, region, group, name), out var schedule)
                ? schedule
                : throw SchedulerErrors.ScheduleNotFound(name);
        }
    }

    public Schedule Remove(string account, string region, string group, string name)
    {
        lock (_gate)
        {
            RequireGroup(account, region, group);
            if (!_schedules.TryGetValue((account, region, group, name), out var schedule))
            {
                throw SchedulerErrors.ScheduleNotFound(name);
            }
            _durable.DeleteSchedule(schedule);
            _schedules.Remove((account, region, group, name));
            return schedule;
        }
    }

    /// <summary>Removes exactly this version of a schedule (not one that has since been updated).</summary>
    public bool RemoveIfUnchanged(Schedule schedule)
    {
        lock (_gate)
        {
            if (!IsCurrent(schedule))
            {
                return false;
            }
            _durable.DeleteSchedule(schedule);
            return _schedules.Remove(Key(schedule));
        }
    }

    /// <summary>
    /// Records that exactly this version of a one-time schedule has fired and its delivery settled, so a
    /// restart does not fire it again (it stays, as AWS keeps a completed schedule with ActionAfterCompletion NONE).
    /// </summary>
    public void MarkCompletedIfUnchanged(Schedule schedule)
    {
        lock (_gate)
        {
            if (IsCurrent(schedule))
            {
                _durable.PutSchedule(schedule, completed: true);
            }
        }
    }

    /// <summary>The account's schedules in the region, ordered by group and name (a stable paging order).</summary>
    public List<Schedule> List(string account, string region, string? group)
    {
        lock (_gate)
        {
            if (group is not null)
            {
                RequireGroup(account, region, group);
            }
            return [.. _schedules.Values
                .Where(s => s.AccountId == account && s.Region == region && (group is null || s.GroupName == group))
                .OrderBy(s => s.GroupName, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];
        }
    }

    public List<Schedule> All()
    {
        lock (_gate)
        {
            return [.. _schedules.Values.OrderBy(s => s.Arn, StringComparer.Ordinal)];
        }
    }

    public ScheduleGroup AddGroup(string account, string region, string name, IReadOnlyList<Tag> tags)
    {
        lock (_gate)
        {
            EnsureDefaultGroup(account, region);
            var now = time.GetUtcNow();
            if (_groups.ContainsKey((account, region, name)))
            {
                throw SchedulerErrors.GroupExists(name);
            }
            var group = new ScheduleGroup(account, region, name, GroupArn(account, region, name), now, now, tags);
            _durable.PutGroup(group);
            _groups.Add((account, region, name), group);
            return group;
        }
    }

    public void ChangeGroupTags(string account, string region, string name, Func<IReadOnlyList<Tag>?, IReadOnlyList<Tag>> change)
    {
        lock (_gate)
        {
            var group = RequireGroup(account, region, name);
            var changed = group with { Tags = change(group.Tags) };
            _durable.PutGroup(changed);
            _groups[(account, region, name)] = changed;
        }
    }

    public ScheduleGroup GetGroup(string account, string region, string name)
    {
        lock (_gate)
        {
            return RequireGroup(account, region, name);
        }
    }

    /// <summary>Deletes a group and, as AWS does, every schedule in it; returns those schedules.</summary>
    public List<Schedule> RemoveGroup(string account, string region, string name)
    {
        lock (_gate)
        {
            if (name == ScheduleGroup.DefaultName)
            {
                throw SchedulerErrors.DefaultGroupUndeletable();
            }
            _durable.DeleteGroup(RequireGroup(account, region, name));
            _groups.Remove((account, region, name));
            var removed = _schedules.Where(kv => kv.Key.Account == account && kv.Key.Region == region && kv.Key.Group == name).ToList();
            foreach (var (key, _) in removed)
            {
                _schedules.Remove(key);
            }
            return [.. removed.Select(kv => kv.Value)];
        }
    }

    public List<ScheduleGroup> ListGroups(string account, string region)
    {
        lock (_gate)
        {
            EnsureDefaultGroup(account, region);
            return [.. _groups.Values.Where(g => g.AccountId == account && g.Region == region).OrderBy(g => g.Name, StringComparer.Ordinal)];
        }
    }

    private ScheduleGroup RequireGroup(string account, string region, string name)
    {
        EnsureDefaultGroup(account, region);
        return _groups.TryGetValue((account, region, name), out var group) ? group : throw SchedulerErrors.GroupNotFound(name);
    }

    // The default group exists in every account and region from the start; it is materialised on first use.
    private void EnsureDefaultGroup(string account, string region)
    {
        if (!_groups.ContainsKey((account, region, ScheduleGroup.DefaultName)))
        {
            var now = time.GetUtcNow();
            var group = new ScheduleGroup(account, region, ScheduleGroup.DefaultName, GroupArn(account, region, ScheduleGroup.DefaultName), now, now);
            // Kept durably too, so its CreationDate does not change with every restart.
            _durable.PutGroup(group);
            _groups[(account, region, ScheduleGroup.DefaultName)] = group;
        }
    }

    private bool IsCurrent(Schedule schedule) => _schedules.TryGetValue(Key(schedule), out var current) && ReferenceEquals(current, schedule);

    private static (string, string, string, string) Key(Schedule s) => (s.AccountId, s.Region, s.GroupName, s.Name);
}
