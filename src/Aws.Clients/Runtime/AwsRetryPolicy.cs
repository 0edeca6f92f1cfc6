namespace Aws.Clients.Runtime;

/// <summary>
/// Which failures are worth another attempt and how long to wait: the AWS SDKs' standard retry mode
/// (throttling codes, transient codes, 5xx, network errors; exponential backoff with full jitter, capped).
/// Source: https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
/// </summary>
internal static class AwsRetryPolicy
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException", "KmsThrottlingException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
    };

    public static bool IsRetryable(AwsApiException error) =>
        ThrottlingCodes.Contains(error.ErrorCode) || TransientCodes.Contains(error.ErrorCode)
        || error.StatusCode is 500 or 502 or 503 or 504;

    /// <summary>Full jitter: uniform in [0, min(cap, base * 2^retry)).</summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30)));
        return TimeSpan.FromMilliseconds(ceiling * random);
    }
}
