namespace Aws.Clients.StepFunctions;

/// <summary>Output of SendTaskFailure (empty).</summary>
public sealed record SendTaskFailureResponse;
