using System.Text.Json.Serialization;

namespace Aws.Clients.Scheduler;

/// <summary>Input of CreateSchedule (POST /schedules/{Name}).</summary>
public sealed record CreateScheduleRequest
{
    /// <summary>Schedule name (path label).</summary>
    [JsonIgnore]
    public required string Name { get; init; }

    /// <summary>at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields).</summary>
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

    /// <summary>NONE or DELETE (delete after the last invocation).</summary>
    public string? ActionAfterCompletion { get; init; }

    /// <summary>Idempotency token; a new GUID is sent when null, as the SDKs do.</summary>
    public string? ClientToken { get; init; }

    /// <summary>Customer managed KMS key.</summary>
    public string? KmsKeyArn { get; init; }
}
