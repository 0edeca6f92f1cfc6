namespace JobOrchestration.Functions.Tokens;

/// <summary>
/// One waiting execution: the job it waits for and the token that resumes it (a poc-task-tokens item).
/// ClaimedUntil and ClaimId are the poller's lease on the record; Outcome is the terminal status a poller decided and
/// is about to call back with (the record stays PENDING until the callback is answered).
/// </summary>
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
    string? Result = null,
    DateTimeOffset? ClaimedUntil = null,
    string? ClaimId = null,
    string? Outcome = null);
