namespace Aws.Clients.StepFunctions;

/// <summary>Output of StopExecution.</summary>
public sealed record StopExecutionResponse
{
    /// <summary>When it stopped.</summary>
    public DateTimeOffset StopDate { get; init; }
}
