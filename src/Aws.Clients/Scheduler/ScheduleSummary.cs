namespace Aws.Clients.Scheduler;

/// <summary>One schedule in a list.</summary>
public sealed record ScheduleSummary
{
    /// <summary>Schedule ARN.</summary>
    public string? Arn { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Group.</summary>
    public string? GroupName { get; init; }

    /// <summary>ENABLED or DISABLED.</summary>
    public string? State { get; init; }

    /// <summary>When created.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>When last modified.</summary>
    public DateTimeOffset? LastModificationDate { get; init; }

    /// <summary>The target ARN.</summary>
    public TargetSummary? Target { get; init; }
}
