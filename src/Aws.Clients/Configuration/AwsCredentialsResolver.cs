using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Aws.Clients.Configuration;

/// <summary>
/// Credentials: explicit, else AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN), else the AWSSDK.Core
/// default chain (profiles, SSO, web identity, container, instance metadata), which also refreshes temporary credentials.
/// Source: https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html
/// </summary>
public static class AwsCredentialsResolver
{
    /// <summary>Returns a function that yields current credentials; the SDK chain is only consulted on first use.</summary>
    public static Func<CancellationToken, Task<AwsCredentials>> Resolve(AwsCredentials? explicitCredentials = null, Func<string, string?>? environment = null)
    {
        if (explicitCredentials is not null)
        {
            return _ => Task.FromResult(explicitCredentials);
        }

        environment ??= Environment.GetEnvironmentVariable;
        var accessKey = environment("AWS_ACCESS_KEY_ID");
        var secretKey = environment("AWS_SECRET_ACCESS_KEY");
        if (!string.IsNullOrWhiteSpace(accessKey) && !string.IsNullOrWhiteSpace(secretKey))
        {
            var token = environment("AWS_SESSION_TOKEN");
            var fromEnvironment = new AwsCredentials(accessKey.Trim(), secretKey.Trim(), string.IsNullOrWhiteSpace(token) ? null : token.Trim());
            return _ => Task.FromResult(fromEnvironment);
        }

        var chain = new Lazy<AWSCredentials>(() => DefaultAWSCredentialsIdentityResolver.GetCredentials());
        return async _ =>
        {
            ImmutableCredentials current;
            try
            {
                current = await chain.Value.GetCredentialsAsync().ConfigureAwait(false);
            }
            catch (AmazonClientException ex)
            {
                throw new InvalidOperationException(
                    "No AWS credentials found: set AwsClientConfig.Credentials, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or a profile. " + ex.Message, ex);
            }

            return new AwsCredentials(current.AccessKey, current.SecretKey, string.IsNullOrEmpty(current.Token) ? null : current.Token);
        };
    }
}
