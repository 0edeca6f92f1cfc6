namespace Aws.Clients.Scheduler;

/// <summary>Output of UpdateSchedule.</summary>
public sealed record UpdateScheduleResponse
{
    /// <summary>The schedule's ARN.</summary>
    public string ScheduleArn { get; init; } = string.Empty;
}
