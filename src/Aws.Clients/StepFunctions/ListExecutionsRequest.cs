namespace Aws.Clients.StepFunctions;

/// <summary>Input of ListExecutions.</summary>
public sealed record ListExecutionsRequest
{
    /// <summary>The state machine whose executions to list.</summary>
    public string? StateMachineArn { get; init; }

    /// <summary>Only executions with this status.</summary>
    public string? StatusFilter { get; init; }

    /// <summary>Page size (1-1000).</summary>
    public int? MaxResults { get; init; }

    /// <summary>Token from the previous page.</summary>
    public string? NextToken { get; init; }

    /// <summary>List a Map Run's child executions instead.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>REDRIVEN or NOT_REDRIVEN.</summary>
    public string? RedriveFilter { get; init; }
}
