namespace Aws.Clients.StepFunctions;

/// <summary>Output of SendTaskSuccess (empty).</summary>
public sealed record SendTaskSuccessResponse;
