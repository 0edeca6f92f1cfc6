namespace Poc.Cli.Endpoints;

/// <summary>An access key pair poc resolved (from the environment, or test/test for an emulator).</summary>
public sealed record StaticCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>The key pair every emulator accepts.</summary>
    public static StaticCredentials Test { get; } = new("test", "test");

    /// <summary>Keys from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, or null when either key is missing.</summary>
    public static StaticCredentials? FromEnvironment(Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var id = env("AWS_ACCESS_KEY_ID");
        var secret = env("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            return null;
        }

        var session = env("AWS_SESSION_TOKEN");
        return new StaticCredentials(id, secret, string.IsNullOrEmpty(session) ? null : session);
    }

    /// <summary>Names the key id only, so the secret never reaches a log.</summary>
    public override string ToString() => $"StaticCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
