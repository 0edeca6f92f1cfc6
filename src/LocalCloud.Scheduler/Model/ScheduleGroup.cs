namespace LocalCloud.Scheduler.Model;

internal sealed record ScheduleGroup(string AccountId, string Region, string Name, string Arn, DateTimeOffset CreationDate, DateTimeOffset LastModificationDate)
{
    public const string DefaultName = "default";
}
