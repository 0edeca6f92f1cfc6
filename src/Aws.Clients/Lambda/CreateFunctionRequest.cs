using System.Text.Json;

namespace Aws.Clients.Lambda;

/// <summary>Input of CreateFunction.</summary>
public sealed record CreateFunctionRequest
{
    /// <summary>Name (or ARN) of the new function.</summary>
    public required string FunctionName { get; init; }

    /// <summary>Execution role ARN.</summary>
    public required string Role { get; init; }

    /// <summary>The code.</summary>
    public required FunctionCode Code { get; init; }

    /// <summary>e.g. dotnet8, python3.12, nodejs20.x, provided.al2023.</summary>
    public string? Runtime { get; init; }

    /// <summary>e.g. Assembly::Namespace.Class::Method.</summary>
    public string? Handler { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>Seconds (1-900, default 3).</summary>
    public int? Timeout { get; init; }

    /// <summary>MB (128-10240, default 128).</summary>
    public int? MemorySize { get; init; }

    /// <summary>Publish version 1 on creation.</summary>
    public bool? Publish { get; init; }

    /// <summary>Zip or Image.</summary>
    public string? PackageType { get; init; }

    /// <summary>Environment variables.</summary>
    public FunctionEnvironment? Environment { get; init; }

    /// <summary>Tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Layer version ARNs.</summary>
    public IReadOnlyList<string>? Layers { get; init; }

    /// <summary>x86_64 or arm64 (one item).</summary>
    public IReadOnlyList<string>? Architectures { get; init; }

    /// <summary>LoggingConfig object as sent on the wire.</summary>
    public JsonElement? LoggingConfig { get; init; }
}
