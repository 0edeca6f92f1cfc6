namespace Aws.Clients.Lambda;

/// <summary>Output of Invoke.</summary>
public sealed record InvokeResponse
{
    /// <summary>200 for RequestResponse, 202 for Event, 204 for DryRun.</summary>
    public int StatusCode { get; init; }

    /// <summary>Unhandled (or Handled) when the function failed (header X-Amz-Function-Error); the error JSON is the Payload.</summary>
    public string? FunctionError { get; init; }

    /// <summary>Base64 log tail (header X-Amz-Log-Result).</summary>
    public string? LogResult { get; init; }

    /// <summary>The response JSON bytes (raw body).</summary>
    public byte[] Payload { get; init; } = [];

    /// <summary>The version that ran (header X-Amz-Executed-Version).</summary>
    public string? ExecutedVersion { get; init; }
}
