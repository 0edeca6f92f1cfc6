using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Shapes;

/// <summary>GetScheduleGroupOutput and the members of ListScheduleGroupsOutput (the same shape).</summary>
internal sealed record ScheduleGroupSummary(string Arn, DateTimeOffset CreationDate, DateTimeOffset LastModificationDate, string Name, string State)
{
    // Deletion is immediate here, so a group is never seen DELETING.
    public static ScheduleGroupSummary From(ScheduleGroup g) => new(g.Arn, g.CreationDate, g.LastModificationDate, g.Name, "ACTIVE");
}
