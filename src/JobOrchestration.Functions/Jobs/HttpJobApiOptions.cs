namespace JobOrchestration.Functions.Jobs;

/// <summary>How <see cref="HttpJobApi"/> reaches a REST job API and how hard it tries (docs/functions.md).</summary>
public sealed record HttpJobApiOptions
{
    /// <summary>The API's base URL (JOB_API_URL), e.g. https://jobs.example.com/v1/.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Sent as X-Api-Key on every request (JOB_API_KEY); null sends none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The default of <see cref="AttemptTimeout"/>.</summary>
    public static TimeSpan DefaultAttemptTimeout { get; } = TimeSpan.FromSeconds(3);

    /// <summary>One attempt's limit; a slow answer counts as a failed attempt and is retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = DefaultAttemptTimeout;

    /// <summary>Retries after the first attempt, for 5xx, 408, 429, timeouts and connection failures.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff; doubled each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The whole call's limit, retries and backoff included: well inside the function's own timeout.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Share of failed attempts in <see cref="BreakerSamplingDuration"/> that opens the circuit. Above 4/7 on purpose:
    /// when every call fails once and its retry succeeds, the breaker (which judges at each failure) sees k failures in
    /// 2k - 1 attempts, 4 of 7 at the sixth attempt and more. At 0.5 that opened the circuit on the fourth such call and
    /// failed its retry, turning an API the retries were healing into JobApiFailed.
    /// </summary>
    public double BreakerFailureRatio { get; init; } = 0.6;

    /// <summary>Fewest attempts in the sampling window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; init; } = 6;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before letting one through to probe.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Clock for backoff, timeouts and the breaker (a FakeTimeProvider in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>JOB_API_URL and JOB_API_KEY, or null when JOB_API_URL is unset (the simulated API Lambda is used).</summary>
    public static HttpJobApiOptions? FromVariables(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var url = read("JOB_API_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (!Uri.TryCreate(url.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Environment variable JOB_API_URL must be an absolute http(s) URL, got '{url}'.");
        }

        return new HttpJobApiOptions { BaseUrl = baseUrl, ApiKey = read("JOB_API_KEY") is { Length: > 0 } key ? key : null };
    }
}
