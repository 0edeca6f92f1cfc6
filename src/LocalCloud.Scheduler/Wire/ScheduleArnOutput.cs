namespace LocalCloud.Scheduler.Wire;

/// <summary>CreateScheduleOutput and UpdateScheduleOutput.</summary>
internal sealed record ScheduleArnOutput(string ScheduleArn);
