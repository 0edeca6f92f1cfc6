namespace Aws.Clients.Lambda;

/// <summary>Input of DeleteFunction.</summary>
public sealed record DeleteFunctionRequest
{
    /// <summary>Name or ARN (path label).</summary>
    public required string FunctionName { get; init; }

    /// <summary>Version to delete (query Qualifier).</summary>
    public string? Qualifier { get; init; }
}
