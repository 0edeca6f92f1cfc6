
namespace LocalCloud.Scheduler.Api.Operations;

internal sealed record CreateScheduleGroupOutput(string ScheduleGroupArn);
