using System.Text.Json.Serialization;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Model;

/// <summary>
/// A stored schedule: GetSchedule's shape plus where it lives. Immutable; updates replace it. Also the
/// durable format (<see cref="Storage.DurableSchedules"/>): a change here must keep old records readable.
/// </summary>
internal sealed record Schedule
{
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string GroupName { get; init; }
    public required string ScheduleExpression { get; init; }
    public required string ScheduleExpressionTimezone { get; init; }
    public DateTimeOffset? StartDate { get; init; }
    public DateTimeOffset? EndDate { get; init; }
    public required string State { get; init; }
    public string? Description { get; init; }
    public required FlexibleTimeWindow FlexibleTimeWindow { get; init; }
    public required Target Target { get; init; }
    public required string ActionAfterCompletion { get; init; }
    public string? KmsKeyArn { get; init; }
    public required DateTimeOffset CreationDate { get; init; }
    public required DateTimeOffset LastModificationDate { get; init; }

    [JsonIgnore]
    public bool IsEnabled => State == ScheduleStates.Enabled;
}
