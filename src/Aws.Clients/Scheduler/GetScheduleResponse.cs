namespace Aws.Clients.Scheduler;

/// <summary>Output of GetSchedule.</summary>
public sealed record GetScheduleResponse
{
    /// <summary>Schedule ARN.</summary>
    public string? Arn { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Group.</summary>
    public string? GroupName { get; init; }

    /// <summary>Expression.</summary>
    public string? ScheduleExpression { get; init; }

    /// <summary>Time zone.</summary>
    public string? ScheduleExpressionTimezone { get; init; }

    /// <summary>ENABLED or DISABLED.</summary>
    public string? State { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Flexible window.</summary>
    public FlexibleTimeWindow? FlexibleTimeWindow { get; init; }

    /// <summary>Target.</summary>
    public Target? Target { get; init; }

    /// <summary>Start date.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>End date.</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>When created.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>When last modified.</summary>
    public DateTimeOffset? LastModificationDate { get; init; }

    /// <summary>NONE or DELETE.</summary>
    public string? ActionAfterCompletion { get; init; }

    /// <summary>KMS key.</summary>
    public string? KmsKeyArn { get; init; }
}
