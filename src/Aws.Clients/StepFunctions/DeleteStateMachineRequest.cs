namespace Aws.Clients.StepFunctions;

/// <summary>Input of DeleteStateMachine.</summary>
public sealed record DeleteStateMachineRequest
{
    /// <summary>The state machine to delete.</summary>
    public required string StateMachineArn { get; init; }
}
