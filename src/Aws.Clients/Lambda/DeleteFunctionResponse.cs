namespace Aws.Clients.Lambda;

/// <summary>Output of DeleteFunction.</summary>
public sealed record DeleteFunctionResponse
{
    /// <summary>The HTTP status code (204 on success).</summary>
    public int StatusCode { get; init; }
}
