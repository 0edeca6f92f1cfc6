using System.Text.Json.Serialization;

namespace Aws.Clients.Scheduler;

/// <summary>Input of UpdateSchedule (PUT /schedules/{Name}); replaces the whole schedule.</summary>
public sealed record UpdateScheduleRequest
{
    /// <summary>Schedule name (path label).</summary>
    [JsonIgnore]
    public required string Name { get; init; }

    /// <summary>at(), rate() or cron() expression.</summary>
    public required string ScheduleExpression { get; init; }

    /// <summary>Flexible window.</summary>
    public required FlexibleTimeWindow FlexibleTimeWindow { get; init; }

    /// <summary>What to invoke.</summary>
    public required Target Target { get; init; }

    /// <summary>Schedule group (default "default").</summary>
    public string? GroupName { get; init; }

    /// <summary>IANA zone of the expression (default UTC).</summary>
    public string? ScheduleExpressionTimezone { get; init; }

    /// <summary>ENABLED (default) or DISABLED.</summary>
    public string? State { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>No invocation before this.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>No invocation after this.</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>NONE or DELETE.</summary>
    public string? ActionAfterCompletion { get; init; }

    /// <summary>Idempotency token; a new GUID is sent when null.</summary>
    public string? ClientToken { get; init; }

    /// <summary>Customer managed KMS key.</summary>
    public string? KmsKeyArn { get; init; }

    /// <summary>
    /// UpdateSchedule replaces every field (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_UpdateSchedule.html),
    /// so an update is the whole desired schedule again: the same fields a create sends.
    /// </summary>
    public static UpdateScheduleRequest Replacing(CreateScheduleRequest desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        return new UpdateScheduleRequest
        {
            Name = desired.Name,
            ScheduleExpression = desired.ScheduleExpression,
            FlexibleTimeWindow = desired.FlexibleTimeWindow,
            Target = desired.Target,
            GroupName = desired.GroupName,
            ScheduleExpressionTimezone = desired.ScheduleExpressionTimezone,
            State = desired.State,
            Description = desired.Description,
            StartDate = desired.StartDate,
            EndDate = desired.EndDate,
            ActionAfterCompletion = desired.ActionAfterCompletion,
            ClientToken = desired.ClientToken,
            KmsKeyArn = desired.KmsKeyArn,
        };
    }
}
