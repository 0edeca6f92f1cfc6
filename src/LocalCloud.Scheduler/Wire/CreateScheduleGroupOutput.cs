namespace LocalCloud.Scheduler.Wire;

internal sealed record CreateScheduleGroupOutput(string ScheduleGroupArn);
