namespace Aws.Clients.Scheduler;

/// <summary>Input of GetSchedule (GET /schedules/{Name}).</summary>
public sealed record GetScheduleRequest
{
    /// <summary>Schedule name (path label).</summary>
    public required string Name { get; init; }

    /// <summary>Schedule group (query groupName).</summary>
    public string? GroupName { get; init; }
}
