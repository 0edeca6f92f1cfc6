namespace Aws.Clients.Scheduler;

/// <summary>Input of DeleteSchedule (DELETE /schedules/{Name}).</summary>
public sealed record DeleteScheduleRequest
{
    /// <summary>Schedule name (path label).</summary>
    public required string Name { get; init; }

    /// <summary>Schedule group (query groupName).</summary>
    public string? GroupName { get; init; }

    /// <summary>Idempotency token (query clientToken); a new GUID is sent when null.</summary>
    public string? ClientToken { get; init; }
}
