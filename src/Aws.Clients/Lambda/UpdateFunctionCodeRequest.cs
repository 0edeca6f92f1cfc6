using System.Text.Json.Serialization;

namespace Aws.Clients.Lambda;

/// <summary>Input of UpdateFunctionCode.</summary>
public sealed record UpdateFunctionCodeRequest
{
    /// <summary>Name or ARN (path label).</summary>
    [JsonIgnore]
    public required string FunctionName { get; init; }

    /// <summary>The new .zip archive bytes; base64-encoded on the wire.</summary>
    public byte[]? ZipFile { get; init; }

    /// <summary>S3 bucket of the archive.</summary>
    public string? S3Bucket { get; init; }

    /// <summary>S3 key of the archive.</summary>
    public string? S3Key { get; init; }

    /// <summary>S3 object version.</summary>
    public string? S3ObjectVersion { get; init; }

    /// <summary>Container image URI.</summary>
    public string? ImageUri { get; init; }

    /// <summary>Publish a version.</summary>
    public bool? Publish { get; init; }

    /// <summary>Validate only.</summary>
    public bool? DryRun { get; init; }

    /// <summary>Only update if the revision matches.</summary>
    public string? RevisionId { get; init; }

    /// <summary>x86_64 or arm64.</summary>
    public IReadOnlyList<string>? Architectures { get; init; }
}
