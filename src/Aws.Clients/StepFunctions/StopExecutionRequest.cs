namespace Aws.Clients.StepFunctions;

/// <summary>Input of StopExecution.</summary>
public sealed record StopExecutionRequest
{
    /// <summary>The execution to stop.</summary>
    public required string ExecutionArn { get; init; }

    /// <summary>The error name to record.</summary>
    public string? Error { get; init; }

    /// <summary>The cause to record.</summary>
    public string? Cause { get; init; }
}
