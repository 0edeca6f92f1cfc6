using LocalCloud.Scheduler.Api.Shapes;

namespace LocalCloud.Scheduler.Api.Operations;

internal sealed record ListSchedulesOutput(string? NextToken, IReadOnlyList<ScheduleSummary> Schedules);
