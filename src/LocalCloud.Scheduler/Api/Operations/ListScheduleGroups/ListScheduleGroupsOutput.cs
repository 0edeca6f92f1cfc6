using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;
using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Api.Operations;

internal sealed record ListScheduleGroupsOutput(string? NextToken, IReadOnlyList<ScheduleGroupSummary> ScheduleGroups);
