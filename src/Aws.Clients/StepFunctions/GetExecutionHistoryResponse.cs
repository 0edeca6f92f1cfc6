namespace Aws.Clients.StepFunctions;

/// <summary>Output of GetExecutionHistory.</summary>
public sealed record GetExecutionHistoryResponse
{
    /// <summary>This page of events.</summary>
    public IReadOnlyList<HistoryEvent> Events { get; init; } = [];

    /// <summary>Token of the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}
