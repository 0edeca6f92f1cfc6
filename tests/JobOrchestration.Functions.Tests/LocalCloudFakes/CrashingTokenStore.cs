using System.Runtime.CompilerServices;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.Tests.LocalCloudFakes;

/// <summary>
/// The real token store with failures injected right after a write has landed: the write is in the table, and the
/// poller stops there, as if its process had died. Queries can also be held until several pollers have read, so they
/// race over one snapshot.
/// </summary>
internal sealed class CrashingTokenStore(ITokenStore inner) : ITokenStore
{
    private TaskCompletionSource? queryBarrier;
    private int queriersToWaitFor;

    public Func<string, bool> CrashAfterClaim { get; init; } = _ => false;

    public Func<string, bool> CrashAfterOutcome { get; init; } = _ => false;

    /// <summary>
    /// Whether batch claims reach the real store (and crash after landing when any of their records should). Off by
    /// default: the batch is declined, so the poller claims one record at a time and each claim is its own crash point.
    /// </summary>
    public bool ClaimInBatches { get; init; }

    public void HoldQueriesUntil(int queriers)
    {
        queriersToWaitFor = queriers;
        queryBarrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task<bool> TryCreateAsync(TokenRecord record, CancellationToken cancellationToken) => inner.TryCreateAsync(record, cancellationToken);

    public Task<TokenRecord?> GetAsync(string executionArn, CancellationToken cancellationToken) => inner.GetAsync(executionArn, cancellationToken);

    public Task<bool> TryReplaceTokenAsync(string executionArn, string taskToken, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TryReplaceTokenAsync(executionArn, taskToken, now, cancellationToken);

    public async IAsyncEnumerable<TokenRecord> QueryPendingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var snapshot = new List<TokenRecord>();
        await foreach (var record in inner.QueryPendingAsync(cancellationToken))
        {
            snapshot.Add(record);
        }

        if (queryBarrier is { } barrier)
        {
            if (Interlocked.Decrement(ref queriersToWaitFor) == 0)
            {
                barrier.SetResult();
            }

            await barrier.Task.WaitAsync(cancellationToken);
        }

        foreach (var record in snapshot)
        {
            yield return record;
        }
    }

    public async Task<bool> TryClaimAttemptAsync(string executionArn, int attemptsRead, PollClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = await inner.TryClaimAttemptAsync(executionArn, attemptsRead, claim, now, cancellationToken);
        return claimed && CrashAfterClaim(executionArn) ? throw new PollerCrashed($"crashed after claiming {executionArn}") : claimed;
    }

    public async Task<bool> TryClaimAttemptsAsync(
        IReadOnlyList<(string ExecutionArn, int AttemptsRead)> records, PollClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ClaimInBatches)
        {
            return false;
        }

        var claimed = await inner.TryClaimAttemptsAsync(records, claim, now, cancellationToken);
        return claimed && records.Any(r => CrashAfterClaim(r.ExecutionArn)) ? throw new PollerCrashed($"crashed after claiming {records.Count} records") : claimed;
    }

    public async Task<bool> TryRecordOutcomeAsync(
        string executionArn, string claimId, string outcome, string? lastError, string? result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await inner.TryRecordOutcomeAsync(executionArn, claimId, outcome, lastError, result, now, cancellationToken);
        return stored && CrashAfterOutcome(executionArn) ? throw new PollerCrashed($"crashed after storing {outcome} for {executionArn}") : stored;
    }

    public Task<bool> TryCloseAsync(string executionArn, string status, string? lastError, string? result, string? claimId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TryCloseAsync(executionArn, status, lastError, result, claimId, now, cancellationToken);

    /// <summary>Passed through: the crash points are before the callback, and closing comes after it.</summary>
    public Task<bool> TryCloseAllAsync(IReadOnlyList<(string ExecutionArn, string Status)> records, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TryCloseAllAsync(records, now, cancellationToken);
}
