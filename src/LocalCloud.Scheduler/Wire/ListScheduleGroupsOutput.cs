namespace LocalCloud.Scheduler.Wire;

internal sealed record ListScheduleGroupsOutput(string? NextToken, IReadOnlyList<ScheduleGroupSummary> ScheduleGroups);
