namespace Aws.Clients.StepFunctions;

/// <summary>Output of DescribeExecution.</summary>
public sealed record DescribeExecutionResponse
{
    /// <summary>The execution's ARN.</summary>
    public string ExecutionArn { get; init; } = string.Empty;

    /// <summary>Its state machine.</summary>
    public string StateMachineArn { get; init; } = string.Empty;

    /// <summary>The execution name.</summary>
    public string? Name { get; init; }

    /// <summary>RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>When it started.</summary>
    public DateTimeOffset StartDate { get; init; }

    /// <summary>When it stopped, if it has.</summary>
    public DateTimeOffset? StopDate { get; init; }

    /// <summary>The JSON input text.</summary>
    public string? Input { get; init; }

    /// <summary>The JSON output text, when SUCCEEDED.</summary>
    public string? Output { get; init; }

    /// <summary>X-Ray trace header.</summary>
    public string? TraceHeader { get; init; }

    /// <summary>The Map Run that started it, if any.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>The error name, when FAILED.</summary>
    public string? Error { get; init; }

    /// <summary>The failure cause, when FAILED.</summary>
    public string? Cause { get; init; }

    /// <summary>The version that ran, if any.</summary>
    public string? StateMachineVersionArn { get; init; }

    /// <summary>The alias that ran, if any.</summary>
    public string? StateMachineAliasArn { get; init; }

    /// <summary>Times redriven.</summary>
    public int? RedriveCount { get; init; }

    /// <summary>Last redrive.</summary>
    public DateTimeOffset? RedriveDate { get; init; }

    /// <summary>REDRIVABLE, NOT_REDRIVABLE or REDRIVABLE_BY_MAP_RUN.</summary>
    public string? RedriveStatus { get; init; }

    /// <summary>Why it can or cannot be redriven.</summary>
    public string? RedriveStatusReason { get; init; }
}
