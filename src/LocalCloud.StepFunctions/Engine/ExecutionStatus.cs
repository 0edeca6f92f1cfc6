namespace LocalCloud.StepFunctions.Engine;

/// <summary>The ExecutionStatus enum of the API model.</summary>
public static class ExecutionStatus
{
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
    public const string Aborted = "ABORTED";
}
