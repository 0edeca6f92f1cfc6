namespace JobOrchestration.Functions.Tokens;

/// <summary>
/// The poc-task-tokens table. Every write that can race is conditional, and the Try methods answer false when the
/// condition did not hold, so callers decide what losing a race means.
/// </summary>
public interface ITokenStore
{
    /// <summary>Creates the record unless one exists for the execution.</summary>
    Task<bool> TryCreateAsync(TokenRecord record, CancellationToken cancellationToken);

    /// <summary>Strongly consistent read of one execution's record.</summary>
    Task<TokenRecord?> GetAsync(string executionArn, CancellationToken cancellationToken);

    /// <summary>Replaces the task token while the record is still PENDING.</summary>
    Task<bool> TryReplaceTokenAsync(string executionArn, string taskToken, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every PENDING record, across all pages of the status index.</summary>
    IAsyncEnumerable<TokenRecord> QueryPendingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Counts one attempt and takes the lease, only if the record is PENDING, nobody changed the attempts since they were
    /// read, and no other poller's lease is still running at <paramref name="now"/>.
    /// </summary>
    Task<bool> TryClaimAttemptAsync(string executionArn, int attemptsRead, PollClaim claim, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TryClaimAttemptAsync"/> for several records in one all-or-nothing write, on the same condition for each:
    /// one request instead of one per record. False when any record's condition failed (or the write was cancelled), and
    /// then nothing was written.
    /// </summary>
    Task<bool> TryClaimAttemptsAsync(IReadOnlyList<(string ExecutionArn, int AttemptsRead)> records, PollClaim claim, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the terminal status a poller is about to call back with (the record stays PENDING), only while the record
    /// is PENDING, the claim is still <paramref name="claimId"/> and no outcome was stored before.
    /// </summary>
    Task<bool> TryRecordOutcomeAsync(string executionArn, string claimId, string outcome, string? lastError, string? result, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Moves a PENDING record to a terminal status; with a <paramref name="claimId"/>, only while that claim is the record's.</summary>
    Task<bool> TryCloseAsync(string executionArn, string status, string? lastError, string? result, string? claimId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TryCloseAsync"/> (no claim, no lastError or result) for several records in one all-or-nothing write. False
    /// when any record was no longer PENDING (or the write was cancelled), and then nothing was written.
    /// </summary>
    Task<bool> TryCloseAllAsync(IReadOnlyList<(string ExecutionArn, string Status)> records, DateTimeOffset now, CancellationToken cancellationToken);
}
