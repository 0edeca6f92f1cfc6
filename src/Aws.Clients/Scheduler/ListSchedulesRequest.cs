namespace Aws.Clients.Scheduler;

/// <summary>Input of ListSchedules (GET /schedules).</summary>
public sealed record ListSchedulesRequest
{
    /// <summary>Only this group (query ScheduleGroup).</summary>
    public string? GroupName { get; init; }

    /// <summary>Only names with this prefix (query NamePrefix).</summary>
    public string? NamePrefix { get; init; }

    /// <summary>Only ENABLED or DISABLED (query State).</summary>
    public string? State { get; init; }

    /// <summary>Page size, 1-100 (query MaxResults).</summary>
    public int? MaxResults { get; init; }

    /// <summary>Token from the previous page (query NextToken).</summary>
    public string? NextToken { get; init; }
}
