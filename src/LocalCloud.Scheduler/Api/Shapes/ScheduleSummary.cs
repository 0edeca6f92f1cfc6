using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Shapes;

internal sealed record ScheduleSummary(string Arn, DateTimeOffset CreationDate, string GroupName, DateTimeOffset LastModificationDate, string Name, string State, TargetSummary Target)
{
    public static ScheduleSummary From(Schedule s) => new(s.Arn, s.CreationDate, s.GroupName, s.LastModificationDate, s.Name, s.State, new TargetSummary(s.Target.Arn ?? ""));
}
