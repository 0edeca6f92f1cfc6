using System.Text.Json;
using System.Text.Json.Serialization;
using LocalCloud.Core.Persistence;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Persistence;

/// <summary>
/// How schedules and schedule groups are kept in the <see cref="IDurableStore"/> (--data). One record per
/// schedule in <see cref="SchedulesCollection"/> (every member as GetSchedule shows it, plus whether a one-time
/// schedule has completed) and one per group in <see cref="GroupsCollection"/>. Timers are not stored: they
/// are re-armed from each schedule's expression on load. Nothing is serialised when the store keeps nothing.
/// </summary>
internal sealed class DurableSchedules(IDurableStore durable)
{
    public const string SchedulesCollection = "scheduler.schedules";
    public const string GroupsCollection = "scheduler.groups";

    // The value format; bump it when Schedule or ScheduleGroup change incompatibly.
    private const int Version = 1;

    // Dates as ISO-8601 with full precision (not the wire's epoch seconds), so a restored schedule's clock
    // starts at exactly the instant it did before.
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>"account/region/group/name": names cannot contain '/'.</summary>
    public static string ScheduleKey(string account, string region, string group, string name) => $"{account}/{region}/{group}/{name}";

    public static string GroupKey(string account, string region, string name) => $"{account}/{region}/{name}";

    /// <param name="completed">True once a one-time schedule has fired and its delivery settled: it must not fire again after a restart.</param>
    public void PutSchedule(Schedule schedule, bool completed = false)
    {
        if (durable.IsDurable)
        {
            var value = JsonSerializer.Serialize(new ScheduleRecord(Version, schedule, completed ? true : null), Json);
            durable.Write([new DurableChange.Put(SchedulesCollection, ScheduleKey(schedule.AccountId, schedule.Region, schedule.GroupName, schedule.Name), value)]);
        }
    }

    public void DeleteSchedule(Schedule schedule)
        => durable.Delete(SchedulesCollection, ScheduleKey(schedule.AccountId, schedule.Region, schedule.GroupName, schedule.Name));

    public void PutGroup(ScheduleGroup group)
    {
        if (durable.IsDurable)
        {
            durable.Write([new DurableChange.Put(GroupsCollection, GroupKey(group.AccountId, group.Region, group.Name), JsonSerializer.Serialize(new GroupRecord(Version, group), Json))]);
        }
    }

    /// <summary>The group and every schedule in it, in one atomic write.</summary>
    public void DeleteGroup(ScheduleGroup group)
    {
        if (durable.IsDurable)
        {
            durable.Write(
            [
                new DurableChange.DeletePrefix(SchedulesCollection, ScheduleKey(group.AccountId, group.Region, group.Name, "")),
                new DurableChange.Delete(GroupsCollection, GroupKey(group.AccountId, group.Region, group.Name)),
            ]);
        }
    }

    public IEnumerable<ScheduleGroup> LoadGroups()
        => durable.Load(GroupsCollection).Select(r => JsonSerializer.Deserialize<GroupRecord>(r.Value, Json)?.Group
            ?? throw new InvalidDataException($"Schedule group record {r.Key} is empty."));

    public IEnumerable<(Schedule Schedule, bool Completed)> LoadSchedules()
        => durable.Load(SchedulesCollection).Select(r => JsonSerializer.Deserialize<ScheduleRecord>(r.Value, Json) is { Schedule: { } s } record
            ? (s, record.Completed == true)
            : throw new InvalidDataException($"Schedule record {r.Key} is empty."));

    private sealed record ScheduleRecord(
        [property: JsonPropertyName("v")] int V,
        [property: JsonPropertyName("schedule")] Schedule Schedule,
        [property: JsonPropertyName("completed")] bool? Completed);

    private sealed record GroupRecord([property: JsonPropertyName("v")] int V, [property: JsonPropertyName("group")] ScheduleGroup Group);
}
