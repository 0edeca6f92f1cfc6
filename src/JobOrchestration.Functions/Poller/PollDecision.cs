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
                var output = new JsonObject
                {
                    ["jobId"] = record.JobId,
                    ["status"] = JobStatus.Completed,
                    ["result"] = report.Result?.DeepClone(),
                    ["attempts"] = record.Attempts,
                };
                return new PollAction(PollActionKind.SendSuccess, TokenStatus.Completed, Output: output.ToJsonString());
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

    private static PollAction Failure(string status, string error, string cause) =>
        new(PollActionKind.SendFailure, status, Error: error, Cause: cause.Length <= MaxCauseLength ? cause : cause[..MaxCauseLength]);
}
