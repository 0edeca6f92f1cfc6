using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.Poller;

/// <summary>The error names the poller sends; the workflows Catch on them (docs/data-model.md).</summary>
public static class PollErrors
{
    public const string JobFailed = "JobFailed";
    public const string MaxAttemptsExceeded = "MaxAttemptsExceeded";
    public const string PollingTimeout = "PollingTimeout";

    /// <summary>The error a failure outcome is sent with; null for COMPLETED (sent as a success) or an unknown status.</summary>
    public static string? ForStatus(string status) => status switch
    {
        TokenStatus.Failed => JobFailed,
        TokenStatus.MaxAttempts => MaxAttemptsExceeded,
        TokenStatus.Timeout => PollingTimeout,
        _ => null,
    };
}
