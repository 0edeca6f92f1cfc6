namespace Aws.Clients.StepFunctions;

/// <summary>Output of DeleteStateMachine (empty).</summary>
public sealed record DeleteStateMachineResponse;
