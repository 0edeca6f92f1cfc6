
namespace LocalCloud.Scheduler.Api.Shapes;

/// <summary>CreateScheduleOutput and UpdateScheduleOutput.</summary>
internal sealed record ScheduleArnOutput(string ScheduleArn);
