namespace Aws.Clients.Scheduler;

/// <summary>How far from the scheduled time an invocation may start.</summary>
public sealed record FlexibleTimeWindow
{
    /// <summary>OFF or FLEXIBLE.</summary>
    public required string Mode { get; init; }

    /// <summary>1-1440, required when Mode is FLEXIBLE.</summary>
    public int? MaximumWindowInMinutes { get; init; }
}
