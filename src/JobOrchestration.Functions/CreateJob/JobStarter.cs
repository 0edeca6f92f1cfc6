using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.CreateJob;

/// <summary>
/// create-job's logic: start the job (idempotently, keyed by the execution) and park the task token where the poller
/// finds it. Safe to run any number of times for one execution.
/// </summary>
public sealed class JobStarter(IJobApi jobApi, ITokenStore tokens, FunctionSettings settings, TimeProvider time, IFunctionLog log)
{
    public async Task<JsonObject> HandleAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var request = CreateJobRequest.Parse(payload);
        var (jobId, registration) = await StartAsync(request, cancellationToken);
        return new JsonObject
        {
            ["jobId"] = jobId,
            ["status"] = TokenStatus.Pending,
            ["registration"] = registration.ToString(),
        };
    }

    public async Task<(string JobId, TokenRegistration Registration)> StartAsync(CreateJobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The execution ARN is the client token, so a retried task gets the job it already started.
        var job = await jobApi.CreateJobAsync(
            new JobRequest(request.Scenario, request.ChecksToComplete, request.ExecutionArn),
            cancellationToken);

        var now = time.GetUtcNow();
        var record = new TokenRecord(
            request.ExecutionArn,
            job.JobId,
            request.TaskToken,
            TokenStatus.Pending,
            Attempts: 0,
            MaxAttempts: request.MaxAttempts ?? settings.DefaultMaxAttempts,
            Deadline: now.AddSeconds(request.PollingTimeoutSeconds ?? settings.DefaultPollingTimeoutSeconds),
            CreatedAt: now,
            UpdatedAt: now);

        var registration = await RegisterAsync(record, cancellationToken);
        log.LogInfo(
            $"Execution {request.ExecutionArn}: job {job.JobId}, token {TokenRedaction.Redact(request.TaskToken)}, registration {registration}.");
        return (job.JobId, registration);
    }

    private async Task<TokenRegistration> RegisterAsync(TokenRecord record, CancellationToken cancellationToken)
    {
        if (await tokens.TryCreateAsync(record, cancellationToken))
        {
            return TokenRegistration.Created;
        }

        var existing = await tokens.GetAsync(record.ExecutionArn, cancellationToken)
            ?? throw new InvalidOperationException(
                $"The {record.ExecutionArn} token record exists according to the condition check but could not be read.");
        if (existing.TaskToken == record.TaskToken)
        {
            return TokenRegistration.Unchanged;
        }

        if (existing.Status == TokenStatus.Pending
            && await tokens.TryReplaceTokenAsync(record.ExecutionArn, record.TaskToken, record.UpdatedAt, cancellationToken))
        {
            log.LogWarning(
                $"Execution {record.ExecutionArn}: the task was retried; token {TokenRedaction.Redact(existing.TaskToken)} replaced by {TokenRedaction.Redact(record.TaskToken)}, job {existing.JobId} kept.");
            return TokenRegistration.TokenReplaced;
        }

        var current = await tokens.GetAsync(record.ExecutionArn, cancellationToken);
        throw new TokenRecordClosed(
            $"Execution {record.ExecutionArn} already finished polling job {existing.JobId} with status {current?.Status ?? existing.Status}; a retried task's new token cannot be resumed.");
    }
}
