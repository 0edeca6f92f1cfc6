namespace JobOrchestration.Functions.Tokens;

/// <summary>States of a poc-task-tokens record (docs/data-model.md). Every record ends in one of the four terminal ones.</summary>
public static class TokenStatus
{
    public const string Pending = "PENDING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Timeout = "TIMEOUT";
    public const string MaxAttempts = "MAX_ATTEMPTS";
}
