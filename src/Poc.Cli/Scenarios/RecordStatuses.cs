namespace Poc.Cli.Scenarios;

/// <summary>The statuses of a poc-task-tokens record (docs/data-model.md).</summary>
public static class RecordStatuses
{
    /// <summary>Waiting for the poller.</summary>
    public const string Pending = "PENDING";

    /// <summary>The job completed; SendTaskSuccess was sent.</summary>
    public const string Completed = "COMPLETED";

    /// <summary>The job failed; SendTaskFailure(JobFailed) was sent.</summary>
    public const string Failed = "FAILED";

    /// <summary>The polling deadline passed, or the task timed out.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>The poller gave up after maxAttempts checks.</summary>
    public const string MaxAttempts = "MAX_ATTEMPTS";

    /// <summary>True once the poller will not touch the record again.</summary>
    public static bool IsTerminal(string? status) => status is Completed or Failed or Timeout or MaxAttempts;
}
