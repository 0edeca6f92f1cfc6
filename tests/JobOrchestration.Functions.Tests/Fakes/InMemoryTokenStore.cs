using System.Runtime.CompilerServices;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.Tests.Fakes;

/// <summary>
/// poc-task-tokens in memory with DynamoDB's conditional-write semantics: each Try* checks its condition and writes
/// atomically under one lock, exactly as a conditional PutItem/UpdateItem does per item.
/// </summary>
internal sealed class InMemoryTokenStore : ITokenStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, TokenRecord> records = [];
    private TaskCompletionSource? queryBarrier;
    private int queriersToWaitFor;

    public Func<string, Exception?> FailClaimFor { get; set; } = _ => null;

    public IReadOnlyList<TokenRecord> All
    {
        get
        {
            lock (gate)
            {
                return [.. records.Values];
            }
        }
    }

    public TokenRecord this[string executionArn]
    {
        get
        {
            lock (gate)
            {
                return records[executionArn];
            }
        }
    }

    /// <summary>Makes every query wait until <paramref name="queriers"/> queries have taken their snapshot, so they all see the same one.</summary>
    public void HoldQueriesUntil(int queriers)
    {
        queriersToWaitFor = queriers;
        queryBarrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Put(TokenRecord record)
    {
        lock (gate)
        {
            records[record.ExecutionArn] = record;
        }
    }

    public Task<bool> TryCreateAsync(TokenRecord record, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(records.TryAdd(record.ExecutionArn, record));
        }
    }

    public Task<TokenRecord?> GetAsync(string executionArn, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(records.GetValueOrDefault(executionArn));
        }
    }

    public Task<bool> TryReplaceTokenAsync(string executionArn, string taskToken, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Update(executionArn, r => r.Status == TokenStatus.Pending, r => r with { TaskToken = taskToken, UpdatedAt = now }));

    public async IAsyncEnumerable<TokenRecord> QueryPendingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<TokenRecord> snapshot;
        lock (gate)
        {
            snapshot = [.. records.Values.Where(r => r.Status == TokenStatus.Pending).OrderBy(r => r.CreatedAt)];
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

    public Task<bool> TryClaimAttemptAsync(string executionArn, int attemptsRead, PollClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (FailClaimFor(executionArn) is { } failure)
        {
            return Task.FromException<bool>(failure);
        }

        return Task.FromResult(Update(
            executionArn,
            r => r.Attempts == attemptsRead && r.Status == TokenStatus.Pending && (r.ClaimedUntil is null || r.ClaimedUntil <= now),
            r => r with { Attempts = attemptsRead + 1, ClaimedUntil = claim.Until, ClaimId = claim.Id, UpdatedAt = now }));
    }

    /// <summary>As a DynamoDB transaction: a failing item fails the whole request, a failed condition writes nothing.</summary>
    public Task<bool> TryClaimAttemptsAsync(
        IReadOnlyList<(string ExecutionArn, int AttemptsRead)> batch, PollClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (batch.Select(r => FailClaimFor(r.ExecutionArn)).FirstOrDefault(f => f is not null) is { } failure)
        {
            return Task.FromException<bool>(failure);
        }

        lock (gate)
        {
            if (!batch.All(r => records.TryGetValue(r.ExecutionArn, out var current)
                    && current.Attempts == r.AttemptsRead && current.Status == TokenStatus.Pending && (current.ClaimedUntil is null || current.ClaimedUntil <= now)))
            {
                return Task.FromResult(false);
            }

            foreach (var (arn, attemptsRead) in batch)
            {
                records[arn] = records[arn] with { Attempts = attemptsRead + 1, ClaimedUntil = claim.Until, ClaimId = claim.Id, UpdatedAt = now };
            }

            return Task.FromResult(true);
        }
    }

    public Task<bool> TryRecordOutcomeAsync(
        string executionArn, string claimId, string outcome, string? lastError, string? result, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Update(
            executionArn,
            r => r.Status == TokenStatus.Pending && r.ClaimId == claimId && r.Outcome is null,
            r => r with { Outcome = outcome, LastError = lastError ?? r.LastError, Result = result ?? r.Result, UpdatedAt = now }));

    public Task<bool> TryCloseAsync(
        string executionArn, string status, string? lastError, string? result, string? claimId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Update(
            executionArn,
            r => r.Status == TokenStatus.Pending && (claimId is null || r.ClaimId == claimId),
            r => r with { Status = status, LastError = lastError ?? r.LastError, Result = result ?? r.Result, UpdatedAt = now }));

    public Task<bool> TryCloseAllAsync(IReadOnlyList<(string ExecutionArn, string Status)> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!batch.All(r => records.TryGetValue(r.ExecutionArn, out var current) && current.Status == TokenStatus.Pending))
            {
                return Task.FromResult(false);
            }

            foreach (var (arn, status) in batch)
            {
                records[arn] = records[arn] with { Status = status, UpdatedAt = now };
            }

            return Task.FromResult(true);
        }
    }

    private bool Update(string executionArn, Func<TokenRecord, bool> condition, Func<TokenRecord, TokenRecord> change)
    {
        lock (gate)
        {
            if (!records.TryGetValue(executionArn, out var current) || !condition(current))
            {
                return false;
            }

            records[executionArn] = change(current);
            return true;
        }
    }
}
