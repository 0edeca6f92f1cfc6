namespace Aws.Clients.StepFunctions;

/// <summary>Input of DescribeStateMachine.</summary>
public sealed record DescribeStateMachineRequest
{
    /// <summary>The state machine (or version/alias) ARN.</summary>
    public required string StateMachineArn { get; init; }

    /// <summary>ALL_DATA or METADATA_ONLY.</summary>
    public string? IncludedData { get; init; }
}
