namespace Aws.Clients.StepFunctions;

/// <summary>Input of DescribeExecution.</summary>
public sealed record DescribeExecutionRequest
{
    /// <summary>The execution.</summary>
    public required string ExecutionArn { get; init; }

    /// <summary>ALL_DATA or METADATA_ONLY.</summary>
    public string? IncludedData { get; init; }
}
