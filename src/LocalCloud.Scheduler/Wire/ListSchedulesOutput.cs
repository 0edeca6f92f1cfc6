namespace LocalCloud.Scheduler.Wire;

internal sealed record ListSchedulesOutput(string? NextToken, IReadOnlyList<ScheduleSummary> Schedules);
