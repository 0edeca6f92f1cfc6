namespace Aws.Clients.Scheduler;

/// <summary>Output of CreateSchedule.</summary>
public sealed record CreateScheduleResponse
{
    /// <summary>The new schedule's ARN.</summary>
    public string ScheduleArn { get; init; } = string.Empty;
}
