namespace JobOrchestration.Functions.Tokens;

/// <summary>One waiting execution: the job it waits for and the token that resumes it (a poc-task-tokens item).</summary>
public sealed record TokenRecord(
    string ExecutionArn,
    string JobId,
    string TaskToken,
    string Status,
    int Attempts,
    int MaxAttempts,
    DateTimeOffset Deadline,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? LastError = null,
    string? Result = null);
