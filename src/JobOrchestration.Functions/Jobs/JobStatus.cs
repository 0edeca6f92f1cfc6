namespace JobOrchestration.Functions.Jobs;

/// <summary>The external API's job states, as they appear on the wire.</summary>
public static class JobStatus
{
    public const string Running = "RUNNING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
}
