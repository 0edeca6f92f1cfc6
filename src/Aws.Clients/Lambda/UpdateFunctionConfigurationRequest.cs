using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aws.Clients.Lambda;

/// <summary>Input of UpdateFunctionConfiguration.</summary>
public sealed record UpdateFunctionConfigurationRequest
{
    /// <summary>Name or ARN (path label).</summary>
    [JsonIgnore]
    public required string FunctionName { get; init; }

    /// <summary>Execution role ARN.</summary>
    public string? Role { get; init; }

    /// <summary>Handler.</summary>
    public string? Handler { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Seconds.</summary>
    public int? Timeout { get; init; }

    /// <summary>MB.</summary>
    public int? MemorySize { get; init; }

    /// <summary>Replaces all environment variables.</summary>
    public FunctionEnvironment? Environment { get; init; }

    /// <summary>Runtime identifier.</summary>
    public string? Runtime { get; init; }

    /// <summary>Only update if the revision matches.</summary>
    public string? RevisionId { get; init; }

    /// <summary>Layer version ARNs.</summary>
    public IReadOnlyList<string>? Layers { get; init; }

    /// <summary>LoggingConfig object as sent on the wire.</summary>
    public JsonElement? LoggingConfig { get; init; }
}
