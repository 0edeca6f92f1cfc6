using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Operations;

internal sealed record GetScheduleOutput(
    string ActionAfterCompletion,
    string Arn,
    DateTimeOffset CreationDate,
    string? Description,
    DateTimeOffset? EndDate,
    FlexibleTimeWindow FlexibleTimeWindow,
    string GroupName,
    string? KmsKeyArn,
    DateTimeOffset LastModificationDate,
    string Name,
    string ScheduleExpression,
    string ScheduleExpressionTimezone,
    DateTimeOffset? StartDate,
    string State,
    Target Target)
{
    public static GetScheduleOutput From(Schedule s) => new(
        s.ActionAfterCompletion, s.Arn, s.CreationDate, s.Description, s.EndDate, s.FlexibleTimeWindow, s.GroupName, s.KmsKeyArn,
        s.LastModificationDate, s.Name, s.ScheduleExpression, s.ScheduleExpressionTimezone, s.StartDate, s.State, s.Target);
}
