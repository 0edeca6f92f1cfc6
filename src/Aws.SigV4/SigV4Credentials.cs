namespace Aws.SigV4;

/// <summary>The key pair (and, for temporary credentials, the session token) a request is signed with.</summary>
public sealed record SigV4Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Never prints the secret or the token.</summary>
    public override string ToString() => $"SigV4Credentials {{ AccessKeyId = {AccessKeyId} }}";
}
