namespace LocalCloud.StepFunctions.Engine;

/// <summary>How an execution ended, as DescribeExecution shows it.</summary>
public sealed record ExecutionResult(string Status, DateTimeOffset StopDate, string? Output, string? Error, string? Cause);
