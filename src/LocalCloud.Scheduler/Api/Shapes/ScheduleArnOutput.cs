using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Api.Shapes;

/// <summary>CreateScheduleOutput and UpdateScheduleOutput.</summary>
internal sealed record ScheduleArnOutput(string ScheduleArn);
