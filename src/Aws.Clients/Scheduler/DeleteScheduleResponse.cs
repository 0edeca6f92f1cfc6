namespace Aws.Clients.Scheduler;

/// <summary>Output of DeleteSchedule (empty).</summary>
public sealed record DeleteScheduleResponse;
