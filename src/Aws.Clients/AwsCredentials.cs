using Aws.SigV4;

namespace Aws.Clients;

/// <summary>An AWS access key pair, optionally with the session token of temporary credentials.</summary>
/// <param name="AccessKeyId">The access key id (AKIA… or ASIA…).</param>
/// <param name="SecretAccessKey">The secret access key; never printed by <see cref="ToString"/>.</param>
/// <param name="SessionToken">The session token of temporary credentials, or null.</param>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Names the key id only, so credentials never leak into logs.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";

    /// <summary>The same key pair for the signer, which lives in Aws.SigV4 so LocalCloud can verify without the clients.</summary>
    public SigV4Credentials ToSigV4() => new(AccessKeyId, SecretAccessKey, SessionToken);
}
