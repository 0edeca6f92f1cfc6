namespace Aws.Clients.StepFunctions;

/// <summary>Output of StartExecution.</summary>
public sealed record StartExecutionResponse
{
    /// <summary>The execution's ARN.</summary>
    public string ExecutionArn { get; init; } = string.Empty;

    /// <summary>When it started.</summary>
    public DateTimeOffset StartDate { get; init; }
}
