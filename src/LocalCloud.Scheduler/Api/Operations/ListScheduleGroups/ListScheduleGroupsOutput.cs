using LocalCloud.Scheduler.Api.Shapes;

namespace LocalCloud.Scheduler.Api.Operations;

internal sealed record ListScheduleGroupsOutput(string? NextToken, IReadOnlyList<ScheduleGroupSummary> ScheduleGroups);
