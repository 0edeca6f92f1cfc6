namespace Aws.Clients.Lambda;

/// <summary>The code of a new function: a .zip (sent base64) or an S3 object or a container image.</summary>
public sealed record FunctionCode
{
    /// <summary>The .zip archive bytes; base64-encoded on the wire.</summary>
    public byte[]? ZipFile { get; init; }

    /// <summary>S3 bucket of the archive.</summary>
    public string? S3Bucket { get; init; }

    /// <summary>S3 key of the archive.</summary>
    public string? S3Key { get; init; }

    /// <summary>S3 object version.</summary>
    public string? S3ObjectVersion { get; init; }

    /// <summary>Container image URI.</summary>
    public string? ImageUri { get; init; }
}
