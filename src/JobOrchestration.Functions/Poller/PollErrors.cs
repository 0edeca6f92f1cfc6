namespace JobOrchestration.Functions.Poller;

/// <summary>The error names the poller sends; the workflows Catch on them (CONTRACTS.md).</summary>
public static class PollErrors
{
    public const string JobFailed = "JobFailed";
    public const string MaxAttemptsExceeded = "MaxAttemptsExceeded";
    public const string PollingTimeout = "PollingTimeout";
}
