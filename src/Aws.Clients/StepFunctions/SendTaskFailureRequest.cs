namespace Aws.Clients.StepFunctions;

/// <summary>Input of SendTaskFailure.</summary>
public sealed record SendTaskFailureRequest
{
    /// <summary>The token the waiting task received.</summary>
    public required string TaskToken { get; init; }

    /// <summary>The error name, matched by Retry/Catch.</summary>
    public string? Error { get; init; }

    /// <summary>A human-readable cause.</summary>
    public string? Cause { get; init; }
}
