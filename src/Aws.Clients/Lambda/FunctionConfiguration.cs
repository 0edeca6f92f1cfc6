using System.Text.Json;

namespace Aws.Clients.Lambda;

/// <summary>A function's configuration (wire shape FunctionConfiguration).</summary>
public record FunctionConfiguration
{
    /// <summary>Function name.</summary>
    public string? FunctionName { get; init; }

    /// <summary>Function ARN.</summary>
    public string? FunctionArn { get; init; }

    /// <summary>Runtime identifier.</summary>
    public string? Runtime { get; init; }

    /// <summary>Execution role ARN.</summary>
    public string? Role { get; init; }

    /// <summary>Handler.</summary>
    public string? Handler { get; init; }

    /// <summary>Size of the deployment package in bytes.</summary>
    public long? CodeSize { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Seconds.</summary>
    public int? Timeout { get; init; }

    /// <summary>MB.</summary>
    public int? MemorySize { get; init; }

    /// <summary>ISO 8601 text, e.g. 2024-01-01T00:00:00.000+0000 (a string in Lambda's model).</summary>
    public string? LastModified { get; init; }

    /// <summary>Base64 SHA-256 of the package.</summary>
    public string? CodeSha256 { get; init; }

    /// <summary>Version, e.g. $LATEST.</summary>
    public string? Version { get; init; }

    /// <summary>Environment variables.</summary>
    public FunctionEnvironmentResponse? Environment { get; init; }

    /// <summary>Revision id for optimistic locking.</summary>
    public string? RevisionId { get; init; }

    /// <summary>Pending, Active, Inactive, Failed...</summary>
    public string? State { get; init; }

    /// <summary>Why it is in that state.</summary>
    public string? StateReason { get; init; }

    /// <summary>Machine-readable state reason.</summary>
    public string? StateReasonCode { get; init; }

    /// <summary>Successful, Failed or InProgress.</summary>
    public string? LastUpdateStatus { get; init; }

    /// <summary>Why the last update has that status.</summary>
    public string? LastUpdateStatusReason { get; init; }

    /// <summary>Machine-readable update reason.</summary>
    public string? LastUpdateStatusReasonCode { get; init; }

    /// <summary>Zip or Image.</summary>
    public string? PackageType { get; init; }

    /// <summary>Instruction set architectures.</summary>
    public IReadOnlyList<string>? Architectures { get; init; }

    /// <summary>LoggingConfig object as returned.</summary>
    public JsonElement? LoggingConfig { get; init; }
}
