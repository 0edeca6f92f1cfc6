namespace Aws.SigV4;

/// <summary>Service-specific choices in SigV4 signing.</summary>
public sealed record SigV4Options
{
    /// <summary>Remove '.', '..' and empty path segments before signing (every service but S3).</summary>
    public bool NormalizePath { get; init; } = true;

    /// <summary>URI-encode each path segment of the already-encoded path again (every service but S3).</summary>
    public bool DoubleEncodePath { get; init; } = true;

    /// <summary>Send and sign <c>X-Amz-Content-Sha256</c> (S3 wants it; JSON services do not).</summary>
    public bool AddContentSha256Header { get; init; }

    /// <summary>Send <c>X-Amz-Security-Token</c> without signing it (a few services, e.g. IoT, want that).</summary>
    public bool OmitSessionTokenFromSignature { get; init; }
}
