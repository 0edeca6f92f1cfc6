namespace LocalCloud;

/// <summary>
/// The secret and session token LocalCloud gives its Lambda workers (their access key is the account id), so
/// calls a function makes back to LocalCloud pass --require-auth. Minted at random per run under --require-auth.
/// </summary>
public sealed record WorkerCredentials(string SecretAccessKey, string SessionToken)
{
    public static WorkerCredentials Mint() => new(
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)),
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    /// <summary>Names neither value, so the credentials never reach a log.</summary>
    public override string ToString() => "WorkerCredentials { <redacted> }";
}
