namespace Aws.Clients.StepFunctions;

/// <summary>Input of GetExecutionHistory.</summary>
public sealed record GetExecutionHistoryRequest
{
    /// <summary>The execution.</summary>
    public required string ExecutionArn { get; init; }

    /// <summary>Page size (1-1000).</summary>
    public int? MaxResults { get; init; }

    /// <summary>Newest first.</summary>
    public bool? ReverseOrder { get; init; }

    /// <summary>Token from the previous page.</summary>
    public string? NextToken { get; init; }

    /// <summary>Include input/output data (default true).</summary>
    public bool? IncludeExecutionData { get; init; }
}
