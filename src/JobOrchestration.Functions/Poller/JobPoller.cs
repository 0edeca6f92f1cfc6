using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.Poller;

/// <summary>
/// One sweep over every PENDING token record: count the attempt, ask the job API, and resume the execution when the
/// job is done or a limit is reached. Several pollers may sweep at once: the attempt claim is a conditional write, so
/// for any one snapshot of a record only one poller goes on to check and call back.
/// </summary>
public sealed class JobPoller(ITokenStore tokens, IJobApi jobApi, ITaskCallbacks callbacks, TimeProvider time, IFunctionLog log)
{
    /// <summary>
    /// Records polled at once. Each record costs four sequential calls (claim, CHECK_STATUS, callback, close), so one at
    /// a time a sweep over 10,000 pending jobs overran the function's 30 s timeout (docs/performance.md); records are
    /// independent and every write is conditional, so polling several at once changes no outcome.
    /// </summary>
    public const int MaxConcurrentPolls = 8;

    public async Task<PollSummary> SweepAsync(CancellationToken cancellationToken)
    {
        var tally = new SweepTally();
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentPolls, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(tokens.QueryPendingAsync(cancellationToken), options, async (record, ct) =>
        {
            try
            {
                await PollAsync(record, tally, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One job's trouble must not cost the other jobs their sweep; the record stays PENDING for the next one.
                tally.Error();
                log.LogError($"Job {record.JobId} (execution {record.ExecutionArn}, token {TokenRedaction.Redact(record.TaskToken)}): {ex.Message}", ex);
            }
        });

        var summary = tally.ToSummary();
        log.LogInfo($"Sweep finished: {summary.ToJson().ToJsonString()}");
        return summary;
    }

    private async Task PollAsync(TokenRecord read, SweepTally tally, CancellationToken cancellationToken)
    {
        if (!await tokens.TryClaimAttemptAsync(read.ExecutionArn, read.Attempts, time.GetUtcNow(), cancellationToken))
        {
            log.LogInfo($"Job {read.JobId}: attempt {read.Attempts + 1} was claimed by another poller or the record closed; skipped.");
            return;
        }

        tally.Checked();
        var record = read with { Attempts = read.Attempts + 1 };

        JobStatusReport? report = null;
        try
        {
            report = await jobApi.CheckStatusAsync(record.JobId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The attempt still counts, so a job whose status can never be read ends at its limits instead of forever.
            tally.Error();
            log.LogError($"Job {record.JobId}: CHECK_STATUS failed on attempt {record.Attempts}: {ex.Message}", ex);
        }

        var action = PollDecision.Decide(record, report, time.GetUtcNow());
        log.LogInfo(
            $"Job {record.JobId} attempt {record.Attempts}/{record.MaxAttempts}: {report?.Status ?? "unknown"} -> {action.Kind}{(action.Error is null ? string.Empty : " " + action.Error)}.");
        if (action.Kind == PollActionKind.KeepPolling)
        {
            tally.StillPending();
            return;
        }

        var delivered = action.Kind == PollActionKind.SendSuccess
            ? await callbacks.SendSuccessAsync(record.TaskToken, action.Output!, cancellationToken)
            : await callbacks.SendFailureAsync(record.TaskToken, action.Error!, action.Cause!, cancellationToken);

        if (delivered == CallbackResult.TaskClosed)
        {
            log.LogWarning(
                $"Job {record.JobId}: Step Functions reports the task behind token {TokenRedaction.Redact(record.TaskToken)} already closed (timed out); recording TIMEOUT.");
            await CloseAsync(record, TokenStatus.Timeout, "TaskTimedOut: the task was already closed when the poller called back.", null, cancellationToken);
            tally.TimedOut();
            return;
        }

        var lastError = action.Error is null ? null : $"{action.Error}: {action.Cause}";
        await CloseAsync(record, action.TerminalStatus!, lastError, report?.Result?.ToJsonString(), cancellationToken);
        switch (action.TerminalStatus)
        {
            case TokenStatus.Completed: tally.Completed(); break;
            case TokenStatus.Failed: tally.Failed(); break;
            case TokenStatus.MaxAttempts: tally.MaxAttempts(); break;
            default: tally.TimedOut(); break;
        }
    }

    private async Task CloseAsync(TokenRecord record, string status, string? lastError, string? result, CancellationToken cancellationToken)
    {
        if (!await tokens.TryCloseAsync(record.ExecutionArn, status, lastError, result, time.GetUtcNow(), cancellationToken))
        {
            log.LogWarning($"Job {record.JobId}: the record was no longer PENDING when recording {status}; left as it was.");
        }
    }
}
