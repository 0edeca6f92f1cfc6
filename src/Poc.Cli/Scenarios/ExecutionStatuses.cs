namespace Poc.Cli.Scenarios;

/// <summary>Step Functions execution statuses as the API spells them.</summary>
public static class ExecutionStatuses
{
    /// <summary>Still running.</summary>
    public const string Running = "RUNNING";

    /// <summary>Ended successfully.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>Ended in a Fail state or an uncaught error.</summary>
    public const string Failed = "FAILED";

    /// <summary>Hit the state machine's TimeoutSeconds.</summary>
    public const string TimedOut = "TIMED_OUT";

    /// <summary>StopExecution was called.</summary>
    public const string Aborted = "ABORTED";

    /// <summary>True for every status an execution can no longer leave.</summary>
    public static bool IsTerminal(string? status) => status is not null and not Running and not "PENDING_REDRIVE";
}
