namespace Aws.Clients.StepFunctions;

/// <summary>Output of ListStateMachines.</summary>
public sealed record ListStateMachinesResponse
{
    /// <summary>This page.</summary>
    public IReadOnlyList<StateMachineListItem> StateMachines { get; init; } = [];

    /// <summary>Token of the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}
