namespace Aws.Clients.StepFunctions;

/// <summary>Input of ListStateMachines.</summary>
public sealed record ListStateMachinesRequest
{
    /// <summary>Page size (1-1000).</summary>
    public int? MaxResults { get; init; }

    /// <summary>Token from the previous page.</summary>
    public string? NextToken { get; init; }
}
