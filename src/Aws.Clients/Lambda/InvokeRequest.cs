namespace Aws.Clients.Lambda;

/// <summary>Input of Invoke. Only Payload goes in the body; the rest are the path, query and headers.</summary>
public sealed record InvokeRequest
{
    /// <summary>Name, ARN or partial ARN (path label).</summary>
    public required string FunctionName { get; init; }

    /// <summary>The event JSON bytes (raw body).</summary>
    public byte[]? Payload { get; init; }

    /// <summary>RequestResponse, Event or DryRun (header X-Amz-Invocation-Type).</summary>
    public string InvocationType { get; init; } = "RequestResponse";

    /// <summary>Tail to get the last 4 KB of log (header X-Amz-Log-Type).</summary>
    public string? LogType { get; init; }

    /// <summary>Base64 JSON client context (header X-Amz-Client-Context).</summary>
    public string? ClientContext { get; init; }

    /// <summary>Version or alias (query Qualifier).</summary>
    public string? Qualifier { get; init; }
}
