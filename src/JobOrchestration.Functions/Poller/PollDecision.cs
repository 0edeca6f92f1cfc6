using System.Globalization;
using System.Text.Json.Nodes;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.Poller;

/// <summary>
/// The poller's rule, as a pure function of the record (after this attempt was counted), the API's answer and the
/// clock. Precedence: a finished job wins over the limits, so a job that completes on its last allowed attempt succeeds.
/// </summary>
public static class PollDecision
{
    // SendTaskFailure limits: error ≤ 256 characters, cause ≤ 32768.
    // https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskFailure.html
    private const int MaxCauseLength = 32768;

    /// <param name="report">The API's answer, or null when asking it failed (the limits still apply).</param>
    public static PollAction Decide(TokenRecord record, JobStatusReport? report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        switch (report?.Status)
        {
            case JobStatus.Completed:
                return Success(record, report.Result);
            case JobStatus.Failed:
                return Failure(
                    TokenStatus.Failed,
                    PollErrors.JobFailed,
                    $"Job {record.JobId} failed after {record.Attempts} attempt(s): {(string.IsNullOrWhiteSpace(report.Error) ? "the job API gave no reason" : report.Error)}");
        }

        var lastKnown = report?.Status ?? "of unknown status (the last check failed)";
        if (record.Attempts >= record.MaxAttempts)
        {
            return Failure(
                TokenStatus.MaxAttempts,
                PollErrors.MaxAttemptsExceeded,
                $"Job {record.JobId} is still {lastKnown} after {record.Attempts} of {record.MaxAttempts} allowed attempts.");
        }

        if (now > record.Deadline)
        {
            return Failure(
                TokenStatus.Timeout,
                PollErrors.PollingTimeout,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Job {record.JobId} is still {lastKnown} at {now:O}, past its polling deadline {record.Deadline:O}, after {record.Attempts} attempt(s)."));
        }

        return PollAction.KeepPolling;
    }

    /// <summary>
    /// The callback for an outcome an earlier poller stored (<see cref="TokenRecord.Outcome"/>) and may already have
    /// sent: the same error, the same cause, the same result, so a repeat can only ever confirm the first. Null when the
    /// stored outcome is not one the poller writes.
    /// </summary>
    public static PollAction? FromOutcome(TokenRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Outcome == TokenStatus.Completed)
        {
            JsonObject? result = null;
            if (record.Result is not null)
            {
                result = JsonNode.Parse(record.Result) as JsonObject;
            }

            return Success(record, result);
        }

        if (PollErrors.ForStatus(record.Outcome ?? string.Empty) is not { } error)
        {
            return null;
        }

        // lastError is stored as "<error>: <cause>" (see LastError).
        var prefix = error + ": ";
        var cause = record.LastError is { } stored && stored.StartsWith(prefix, StringComparison.Ordinal) ? stored[prefix.Length..] : record.LastError;
        return Failure(record.Outcome!, error, string.IsNullOrWhiteSpace(cause) ? $"Job {record.JobId}: {record.Outcome}." : cause);
    }

    /// <summary>The lastError a record keeps for a failure action: "&lt;error&gt;: &lt;cause&gt;"; null for a success.</summary>
    public static string? LastError(PollAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Error is null ? null : $"{action.Error}: {action.Cause}";
    }

    private static PollAction Success(TokenRecord record, JsonObject? result)
    {
        var output = new JsonObject
        {
            ["jobId"] = record.JobId,
            ["status"] = JobStatus.Completed,
            ["result"] = result?.DeepClone(),
            ["attempts"] = record.Attempts,
        };
        return new PollAction(PollActionKind.SendSuccess, TokenStatus.Completed, Output: output.ToJsonString());
    }

    private static PollAction Failure(string status, string error, string cause) =>
        new(PollActionKind.SendFailure, status, Error: error, Cause: cause.Length <= MaxCauseLength ? cause : cause[..MaxCauseLength]);
}
