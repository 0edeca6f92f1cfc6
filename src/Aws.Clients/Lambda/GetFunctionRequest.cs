namespace Aws.Clients.Lambda;

/// <summary>Input of GetFunction.</summary>
public sealed record GetFunctionRequest
{
    /// <summary>Name, ARN or partial ARN (path label).</summary>
    public required string FunctionName { get; init; }

    /// <summary>Version or alias (query Qualifier).</summary>
    public string? Qualifier { get; init; }
}
