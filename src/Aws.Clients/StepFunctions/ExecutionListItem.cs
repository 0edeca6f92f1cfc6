namespace Aws.Clients.StepFunctions;

/// <summary>One execution in a list.</summary>
public sealed record ExecutionListItem
{
    /// <summary>The execution's ARN.</summary>
    public string ExecutionArn { get; init; } = string.Empty;

    /// <summary>Its state machine.</summary>
    public string StateMachineArn { get; init; } = string.Empty;

    /// <summary>The execution name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The execution status.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>When it started.</summary>
    public DateTimeOffset StartDate { get; init; }

    /// <summary>When it stopped, if it has.</summary>
    public DateTimeOffset? StopDate { get; init; }

    /// <summary>The Map Run that started it, if any.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>Items processed, for Map Runs.</summary>
    public int? ItemCount { get; init; }

    /// <summary>The version that ran, if any.</summary>
    public string? StateMachineVersionArn { get; init; }

    /// <summary>The alias that ran, if any.</summary>
    public string? StateMachineAliasArn { get; init; }

    /// <summary>Times redriven.</summary>
    public int? RedriveCount { get; init; }

    /// <summary>Last redrive.</summary>
    public DateTimeOffset? RedriveDate { get; init; }
}
