namespace Aws.Clients.StepFunctions;

/// <summary>Output of ListExecutions.</summary>
public sealed record ListExecutionsResponse
{
    /// <summary>This page.</summary>
    public IReadOnlyList<ExecutionListItem> Executions { get; init; } = [];

    /// <summary>Token of the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}
