namespace Aws.Clients.StepFunctions;

/// <summary>Input of SendTaskHeartbeat.</summary>
public sealed record SendTaskHeartbeatRequest
{
    /// <summary>The token the waiting task received.</summary>
    public required string TaskToken { get; init; }
}
