namespace Aws.Clients.Scheduler;

/// <summary>Output of ListSchedules.</summary>
public sealed record ListSchedulesResponse
{
    /// <summary>This page.</summary>
    public IReadOnlyList<ScheduleSummary> Schedules { get; init; } = [];

    /// <summary>Token of the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}
