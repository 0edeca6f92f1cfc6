namespace Aws.Clients.StepFunctions;

/// <summary>Input of SendTaskSuccess.</summary>
public sealed record SendTaskSuccessRequest
{
    /// <summary>The token the waiting task received ($$.Task.Token).</summary>
    public required string TaskToken { get; init; }

    /// <summary>The JSON output text of the task.</summary>
    public required string Output { get; init; }
}
