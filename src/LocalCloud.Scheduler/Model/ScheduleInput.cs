using LocalCloud.Scheduler.Api.Operations;

namespace LocalCloud.Scheduler.Model;

/// <summary>The body of CreateSchedule and UpdateSchedule (the same members; Name comes from the URI).</summary>
internal sealed record ScheduleInput
{
    public string? ActionAfterCompletion { get; init; }
    public string? ClientToken { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset? EndDate { get; init; }
    public FlexibleTimeWindow? FlexibleTimeWindow { get; init; }
    public string? GroupName { get; init; }
    public string? KmsKeyArn { get; init; }
    public string? ScheduleExpression { get; init; }
    public string? ScheduleExpressionTimezone { get; init; }
    public DateTimeOffset? StartDate { get; init; }
    public string? State { get; init; }
    public Target? Target { get; init; }
}
