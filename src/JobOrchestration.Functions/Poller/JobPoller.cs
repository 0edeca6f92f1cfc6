using System.Collections.Concurrent;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.Poller;

/// <summary>
/// One sweep over every PENDING token record, in batches: claim each record (count the attempt, take a lease), ask the
/// job API about the whole batch in one CHECK_STATUS_BATCH, and resume each execution whose job is done or whose limits
/// are reached. Several pollers may sweep at once:
/// <list type="bullet">
/// <item>the claim is conditional on the attempts read and on no running lease, so a record is counted and checked by
/// one poller per snapshot, and nobody claims it while another poller is between its claim and its callback;</item>
/// <item>before calling back, the poller stores the outcome on the record, fenced on its claim; a poller that finds an
/// outcome already stored sends that same outcome, so every callback an execution can ever get says the same thing;</item>
/// <item>Step Functions answering TaskTimedOut/TaskDoesNotExist means the task is already closed: by an earlier callback
/// when the outcome was stored by an earlier poller (the record takes that outcome), else by Step Functions itself, its
/// TimeoutSeconds (the record becomes TIMEOUT).</item>
/// </list>
/// </summary>
public sealed class JobPoller
{
    private readonly ITokenStore tokens;
    private readonly IJobApi jobApi;
    private readonly ITaskCallbacks callbacks;
    private readonly TimeProvider time;
    private readonly IFunctionLog log;
    private readonly IMetricsSink? metrics;
    private readonly PollerOptions options;

    public JobPoller(
        ITokenStore tokens, IJobApi jobApi, ITaskCallbacks callbacks, TimeProvider time, IFunctionLog log, PollerOptions? options = null, IMetricsSink? metrics = null)
    {
        this.tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        this.jobApi = jobApi ?? throw new ArgumentNullException(nameof(jobApi));
        this.callbacks = callbacks ?? throw new ArgumentNullException(nameof(callbacks));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.log = log ?? throw new ArgumentNullException(nameof(log));
        this.options = options ?? new PollerOptions();
        this.options.Validate();
        this.metrics = metrics;
    }

    public async Task<PollSummary> SweepAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var tally = new SweepTally();
        // One claim id per sweep: enough to tell this sweep's claims from any other poller's.
        var claimId = Guid.NewGuid().ToString("N");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentBatches, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            AsyncBatches.Of(tokens.QueryPendingAsync(cancellationToken), options.BatchSize, cancellationToken),
            parallel,
            (batch, ct) => new ValueTask(PollBatchAsync(batch, claimId, tally, ct)));

        var summary = tally.ToSummary();
        var skipped = tally.Skipped;
        log.LogInfo($"Sweep finished: {summary.ToJson().ToJsonString()}"
            + (skipped == 0 ? string.Empty : $"; {skipped} record(s) skipped: claimed by another poller, leased, or closed meanwhile."));
        Publish(summary, tally, started);
        return summary;
    }

    private void Publish(PollSummary summary, SweepTally tally, long started)
    {
        if (metrics is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var age = tally.OldestWaiting is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0;
        metrics.Publish(new SweepMetrics(summary, age, tally.Waiting, time.GetElapsedTime(started).TotalMilliseconds, now).ToEmf());
    }

    private async Task PollBatchAsync(TokenRecord[] batch, string claimId, SweepTally tally, CancellationToken cancellationToken)
    {
        var claimed = await ClaimBatchAsync(batch, claimId, tally, cancellationToken);
        var mine = claimed.OfType<TokenRecord>().ToArray();
        if (mine.Length == 0)
        {
            return;
        }

        var checks = await CheckAsync(mine, cancellationToken);
        var delivered = new ConcurrentQueue<(TokenRecord Record, string Status)>();
        await EachAsync(mine.Length, async (i, ct) =>
        {
            var record = mine[i];
            try
            {
                await ResolveAsync(record, checks, tally, delivered, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RecordError(record, tally, ex);
            }
        }, cancellationToken);
        await CloseDeliveredAsync([.. delivered], tally, cancellationToken);
    }

    // One job's trouble must not cost the other jobs their sweep; the record stays PENDING for the next one.
    private void RecordError(TokenRecord record, SweepTally tally, Exception ex)
    {
        tally.Error();
        tally.LeftWaiting(record.CreatedAt);
        log.LogError($"Job {record.JobId} (execution {record.ExecutionArn}, token {TokenRedaction.Redact(record.TaskToken)}): {ex.Message}", ex);
    }

    /// <summary>
    /// Closes the records whose outcome Step Functions has taken; with <see cref="PollerOptions.BatchWrites"/> in one write for the batch; when any of
    /// them is no longer PENDING, or the write fails, each is closed on its own as before. Closing is on the status alone
    /// (the outcome is delivered, whoever's claim it is), so writing it twice changes nothing.
    /// </summary>
    private async Task CloseDeliveredAsync((TokenRecord Record, string Status)[] delivered, SweepTally tally, CancellationToken cancellationToken)
    {
        if (options.BatchWrites && delivered.Length > 1)
        {
            try
            {
                if (await tokens.TryCloseAllAsync([.. delivered.Select(d => (d.Record.ExecutionArn, d.Status))], time.GetUtcNow(), cancellationToken))
                {
                    foreach (var (_, status) in delivered)
                    {
                        Count(tally, status);
                    }

                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning($"Closing {delivered.Length} records in one write failed ({ex.Message}); closing them one at a time.");
            }
        }

        await EachAsync(delivered.Length, async (i, ct) =>
        {
            var (record, status) = delivered[i];
            try
            {
                await CloseAsync(record, status, null, null, ct);
                Count(tally, status);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RecordError(record, tally, ex);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// With <see cref="PollerOptions.BatchWrites"/>, claims the whole batch in one write (one request instead of one per record: the per-request cost of the SDK and of
    /// the service was most of a sweep's CPU, docs/performance.md). When any record's condition fails (another poller took
    /// it, or it closed meanwhile) nothing was written, and the records are claimed one at a time as before, so each is
    /// still claimed by one poller at most. The same when the write fails outright: whether it landed or not, the one-by-one
    /// claims are conditional on the attempts read, so a record the failed write did claim is skipped (and left to its lease).
    /// </summary>
    private async Task<TokenRecord?[]> ClaimBatchAsync(TokenRecord[] batch, string claimId, SweepTally tally, CancellationToken cancellationToken)
    {
        if (options.BatchWrites && batch.Length > 1)
        {
            var now = time.GetUtcNow();
            var claim = new PollClaim(claimId, now + options.Lease);
            try
            {
                if (await tokens.TryClaimAttemptsAsync([.. batch.Select(r => (r.ExecutionArn, r.Attempts))], claim, now, cancellationToken))
                {
                    return [.. batch.Select(read =>
                    {
                        tally.Checked();
                        return (TokenRecord?)(read with { Attempts = read.Attempts + 1, ClaimId = claim.Id, ClaimedUntil = claim.Until });
                    })];
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning($"Claiming {batch.Length} records in one write failed ({ex.Message}); claiming them one at a time.");
            }
        }

        var claimed = new TokenRecord?[batch.Length];
        await EachAsync(batch.Length, async (i, ct) => claimed[i] = await ClaimAsync(batch[i], claimId, tally, ct), cancellationToken);
        return claimed;
    }

    private async Task<TokenRecord?> ClaimAsync(TokenRecord read, string claimId, SweepTally tally, CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var claim = new PollClaim(claimId, now + options.Lease);
            if (await tokens.TryClaimAttemptAsync(read.ExecutionArn, read.Attempts, claim, now, cancellationToken))
            {
                tally.Checked();
                return read with { Attempts = read.Attempts + 1, ClaimId = claim.Id, ClaimedUntil = claim.Until };
            }

            tally.Skip();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            tally.Error();
            log.LogError($"Job {read.JobId} (execution {read.ExecutionArn}, token {TokenRedaction.Redact(read.TaskToken)}): claiming attempt {read.Attempts + 1} failed: {ex.Message}", ex);
        }

        tally.LeftWaiting(read.CreatedAt);
        return null;
    }

    /// <summary>One CHECK_STATUS_BATCH for the claimed records that still need a decision; a failed call fails each of its jobs.</summary>
    private async Task<BatchChecks> CheckAsync(TokenRecord[] claimed, CancellationToken cancellationToken)
    {
        var jobIds = claimed.Where(r => r.Outcome is null).Select(r => r.JobId).Distinct(StringComparer.Ordinal).ToArray();
        if (jobIds.Length == 0)
        {
            return BatchChecks.None;
        }

        try
        {
            var batch = await jobApi.CheckStatusesAsync(jobIds, cancellationToken);
            return new BatchChecks(
                batch.Jobs.ToDictionary(j => j.JobId, StringComparer.Ordinal),
                batch.Errors.ToDictionary(e => e.JobId, e => $"{e.ErrorType}: {e.ErrorMessage}", StringComparer.Ordinal),
                null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError($"CHECK_STATUS_BATCH for {jobIds.Length} job(s) failed: {ex.Message}", ex);
            return new BatchChecks(new Dictionary<string, JobStatusReport>(), new Dictionary<string, string>(), ex.Message);
        }
    }

    private async Task ResolveAsync(
        TokenRecord record, BatchChecks checks, SweepTally tally, ConcurrentQueue<(TokenRecord Record, string Status)> delivered, CancellationToken cancellationToken)
    {
        var claimId = record.ClaimId!;
        PollAction action;
        bool storedByUs;
        if (record.Outcome is not null)
        {
            action = PollDecision.FromOutcome(record)
                ?? throw new InvalidOperationException($"the record carries an outcome the poller never writes: '{record.Outcome}'.");
            storedByUs = false;
            log.LogWarning($"Job {record.JobId}: an earlier poller decided {record.Outcome} and stopped before recording it; sending that outcome again.");
        }
        else
        {
            var report = checks.Report(record.JobId, out var checkError);
            if (checkError is not null)
            {
                // The attempt still counts, so a job whose status can never be read ends at its limits instead of forever.
                tally.Error();
                log.LogError($"Job {record.JobId}: CHECK_STATUS failed on attempt {record.Attempts}: {checkError}");
            }

            action = PollDecision.Decide(record, report, time.GetUtcNow());
            if (action.Kind == PollActionKind.KeepPolling)
            {
                tally.StillPending();
                tally.LeftWaiting(record.CreatedAt);
                return;
            }

            log.LogInfo(
                $"Job {record.JobId} attempt {record.Attempts}/{record.MaxAttempts}: {report?.Status ?? "unknown"} -> {action.Kind}{(action.Error is null ? string.Empty : " " + action.Error)}.");
            if (!await tokens.TryRecordOutcomeAsync(
                    record.ExecutionArn, claimId, action.TerminalStatus!, PollDecision.LastError(action), report?.Result?.ToJsonString(), time.GetUtcNow(), cancellationToken))
            {
                log.LogWarning($"Job {record.JobId}: the claim was lost before calling back (its lease ran out and another poller took the record over); left to that poller.");
                tally.StillPending();
                tally.LeftWaiting(record.CreatedAt);
                return;
            }

            storedByUs = true;
        }

        var answer = action.Kind == PollActionKind.SendSuccess
            ? await callbacks.SendSuccessAsync(record.TaskToken, action.Output!, cancellationToken)
            : await callbacks.SendFailureAsync(record.TaskToken, action.Error!, action.Cause!, cancellationToken);

        if (answer == CallbackResult.Delivered || !storedByUs)
        {
            // Delivered now, or (already closed and the outcome stored earlier) delivered by the poller that stored it.
            if (answer == CallbackResult.TaskClosed)
            {
                log.LogWarning($"Job {record.JobId}: Step Functions had already taken the {action.TerminalStatus} callback; recording it.");
            }

            delivered.Enqueue((record, action.TerminalStatus!));
            return;
        }

        // Nobody but this poller could have sent the outcome it just stored, so the task was closed by Step Functions
        // itself: its TimeoutSeconds fired, or the execution ended. Only while the claim is still ours, though: a poller
        // that took over after our lease ran out may have delivered the stored outcome meanwhile.
        log.LogWarning(
            $"Job {record.JobId}: Step Functions reports the task behind token {TokenRedaction.Redact(record.TaskToken)} already closed (timed out); recording TIMEOUT.");
        if (await CloseAsync(record, TokenStatus.Timeout, "TaskTimedOut: the task was already closed when the poller called back.", claimId, cancellationToken))
        {
            tally.TimedOut();
        }
    }

    private static void Count(SweepTally tally, string status)
    {
        switch (status)
        {
            case TokenStatus.Completed: tally.Completed(); break;
            case TokenStatus.Failed: tally.Failed(); break;
            case TokenStatus.MaxAttempts: tally.MaxAttempts(); break;
            default: tally.TimedOut(); break;
        }
    }

    private async Task<bool> CloseAsync(TokenRecord record, string status, string? lastError, string? claimId, CancellationToken cancellationToken)
    {
        if (await tokens.TryCloseAsync(record.ExecutionArn, status, lastError, null, claimId, time.GetUtcNow(), cancellationToken))
        {
            return true;
        }

        log.LogWarning($"Job {record.JobId}: the record was no longer PENDING (or no longer ours) when recording {status}; left as it was.");
        return false;
    }

    private Task EachAsync(int count, Func<int, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentCallsPerBatch, CancellationToken = cancellationToken },
            body);
}
