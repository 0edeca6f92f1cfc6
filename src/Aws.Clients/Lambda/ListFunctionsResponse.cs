namespace Aws.Clients.Lambda;

/// <summary>Output of ListFunctions.</summary>
public sealed record ListFunctionsResponse
{
    /// <summary>Token of the next page; null on the last.</summary>
    public string? NextMarker { get; init; }

    /// <summary>This page.</summary>
    public IReadOnlyList<FunctionConfiguration> Functions { get; init; } = [];
}
