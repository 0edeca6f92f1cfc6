using System.Text.Json.Serialization;

namespace LocalCloud.Lambda.Functions;

/// <summary>
/// A function's asynchronous invocation settings (PutFunctionEventInvokeConfig). Null members take AWS's defaults:
/// two retries and six hours (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configuring.html).
/// </summary>
internal sealed record EventInvokeSettings(int? MaximumRetryAttempts, int? MaximumEventAgeInSeconds, string? OnSuccess, string? OnFailure, DateTimeOffset LastModified)
{
    public const int DefaultRetryAttempts = 2;
    public const int DefaultMaximumEventAgeSeconds = 21_600;

    [JsonIgnore]
    public int RetryAttempts => MaximumRetryAttempts ?? DefaultRetryAttempts;

    [JsonIgnore]
    public TimeSpan MaximumEventAge => TimeSpan.FromSeconds(MaximumEventAgeInSeconds ?? DefaultMaximumEventAgeSeconds);
}
