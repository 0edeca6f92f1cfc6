namespace Aws.Clients.StepFunctions;

/// <summary>Output of CreateStateMachine.</summary>
public sealed record CreateStateMachineResponse
{
    /// <summary>The new state machine's ARN.</summary>
    public string StateMachineArn { get; init; } = string.Empty;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreationDate { get; init; }

    /// <summary>The published version's ARN, if one was published.</summary>
    public string? StateMachineVersionArn { get; init; }
}
