
namespace LocalCloud.Scheduler;

/// <summary>A schedule as the monitor shows it.</summary>
public sealed record ScheduleStatus(string Arn, string GroupName, string Name, string ScheduleExpression, string State, string TargetArn, DateTimeOffset? NextFiring);
