namespace Aws.Clients;

/// <summary>
/// Settings shared by the clients. Everything is optional: unset values are resolved from the
/// environment the way the AWS SDKs do (see docs/aws-clients.md).
/// </summary>
public sealed class AwsClientConfig
{
    /// <summary>The region, e.g. <c>eu-west-1</c>. Else AWS_REGION, AWS_DEFAULT_REGION, the profile, us-east-1.</summary>
    public string? Region { get; set; }

    /// <summary>Explicit credentials. Else AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, else the AWSSDK.Core chain.</summary>
    public AwsCredentials? Credentials { get; set; }

    /// <summary>
    /// The endpoint, e.g. <c>http://localhost:4566</c>. Else AWS_ENDPOINT_URL_&lt;SERVICE_ID&gt;, AWS_ENDPOINT_URL,
    /// else the AWS public endpoint of the region.
    /// </summary>
#pragma warning disable CA1056 // A string is what AWS_ENDPOINT_URL and every SDK's ServiceURL take; it is validated on use.
    public string? ServiceUrl { get; set; }
#pragma warning restore CA1056

    /// <summary>Time allowed for one HTTP attempt (default 100 s); a timed-out attempt is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries after the first attempt (default 3, so up to 4 attempts); 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff ceiling; doubled each retry, with full jitter (default 100 ms).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Largest backoff ceiling (default 20 s, as the AWS SDKs' standard retry mode).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The HTTP client to send with (not disposed by the clients). Takes precedence over <see cref="HttpMessageHandler"/>.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>A handler to send with, e.g. an in-memory handler in tests (not disposed by the clients).</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Clock for request signing, attempt timeouts and backoff delays (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Replaces the backoff wait, e.g. to record delays in tests without waiting.</summary>
    public Func<TimeSpan, CancellationToken, Task>? RetryDelay { get; set; }

    /// <summary>Environment lookup used by resolution (default <see cref="Environment.GetEnvironmentVariable(string)"/>).</summary>
    public Func<string, string?>? EnvironmentVariables { get; set; }
}
