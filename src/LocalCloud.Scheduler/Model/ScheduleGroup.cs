using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Model;

/// <summary>A schedule group; also the durable format (<see cref="Storage.DurableSchedules"/>).</summary>
internal sealed record ScheduleGroup(string AccountId, string Region, string Name, string Arn, DateTimeOffset CreationDate, DateTimeOffset LastModificationDate, IReadOnlyList<Tag>? Tags = null)
{
    public const string DefaultName = "default";
}
