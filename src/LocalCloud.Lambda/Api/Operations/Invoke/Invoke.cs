using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.Core.Ports;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// POST /2015-03-31/functions/{FunctionName}/invocations (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html),
/// and the same without HTTP for Step Functions and Scheduler (<see cref="ILambdaInvoker"/>).
/// </summary>
internal sealed class Invoke(LambdaBackend state)
{
    /// <summary>Payload limits: 6 MB synchronous; 1 MB asynchronous since AWS raised it from 256 KB in 2025
    /// (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).</summary>
    public const int MaxSyncPayloadBytes = 6_291_456;
    public const int MaxAsyncPayloadBytes = 1_048_576;

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public async Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var type = ParseInvocationType(request.Header("X-Amz-Invocation-Type"));
        var logType = request.Header("X-Amz-Log-Type");
        if (logType is not null and not "None" and not "Tail")
        {
            throw LambdaErrors.Validation("logType", logType, "Member must satisfy enum value set: [None, Tail]");
        }
        var invokeRequest = new LambdaInvokeRequest(path.GetValueOrDefault("FunctionName") ?? string.Empty, request.Body, type, request.Query.GetValueOrDefault("Qualifier"));
        var result = await InvokeAsync(invokeRequest, request.Context, logType == "Tail", cancellationToken).ConfigureAwait(false);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (type != LambdaInvocationType.DryRun)
        {
            headers["X-Amz-Executed-Version"] = result.ExecutedVersion;
        }
        if (result.FunctionError is not null)
        {
            headers["X-Amz-Function-Error"] = result.FunctionError;
        }
        if (result.LogResult is not null)
        {
            headers["X-Amz-Log-Result"] = result.LogResult;
        }
        return result.Payload.IsEmpty
            ? ServiceResponse.Empty(result.StatusCode, headers)
            : ServiceResponse.Json(result.StatusCode, result.Payload, "application/json", headers);
    }

    public async Task<LambdaInvokeResult> InvokeAsync(LambdaInvokeRequest request, RequestContext context, bool tailLog, CancellationToken cancellationToken)
    {
        // An alias with routing picks its version per invocation (https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html).
        var resolved = state.Resolve(FunctionReference.Parse(request.FunctionName, context, request.Qualifier), Random.Shared.NextDouble());
        var function = resolved.Target;
        var payload = CheckPayload(request.Payload, request.InvocationType);
        LambdaBackend.RequireActive(resolved.Latest);
        switch (request.InvocationType)
        {
            case LambdaInvocationType.DryRun:
                return new LambdaInvokeResult(204, ReadOnlyMemory<byte>.Empty, null);
            case LambdaInvocationType.Event:
                state.Events.Enqueue(function, context.RequestId, payload);
                return new LambdaInvokeResult(202, ReadOnlyMemory<byte>.Empty, null, resolved.ExecutedVersion);
            default:
                // Reserved concurrency belongs to the function, whatever version runs. Beyond it a synchronous caller is
                // throttled; without a reservation the account-level pool (MaxWorkersPerFunction) makes it wait instead.
                var latest = resolved.Latest;
                if (!state.Limiter.TryAcquire(latest.FunctionArn, latest.ReservedConcurrentExecutions))
                {
                    throw LambdaErrors.ReservedConcurrencyExceeded();
                }
                // The invocation runs to its end even if the caller stops waiting, as on AWS.
                var run = RunAndReleaseAsync(function, context.RequestId, payload);
                var (outcome, invocation) = await run.WaitAsync(cancellationToken).ConfigureAwait(false);
                return new LambdaInvokeResult(
                    200,
                    outcome.Payload,
                    outcome.IsError ? "Unhandled" : null,
                    resolved.ExecutedVersion,
                    tailLog ? invocation.Log.TailBase64() : null);
        }
    }

    private async Task<(Execution.InvocationOutcome, Execution.Invocation)> RunAndReleaseAsync(Functions.FunctionRecord function, string requestId, ReadOnlyMemory<byte> payload)
    {
        try
        {
            return await state.Engine.RunAsync(function, requestId, payload, "RequestResponse").ConfigureAwait(false);
        }
        finally
        {
            state.Limiter.Release(function.FunctionArn);
        }
    }

    private static LambdaInvocationType ParseInvocationType(string? header) => header switch
    {
        null or "" or "RequestResponse" => LambdaInvocationType.RequestResponse,
        "Event" => LambdaInvocationType.Event,
        "DryRun" => LambdaInvocationType.DryRun,
        _ => throw LambdaErrors.Validation("invocationType", header, "Member must satisfy enum value set: [Event, RequestResponse, DryRun]"),
    };

    private static ReadOnlyMemory<byte> CheckPayload(ReadOnlyMemory<byte> payload, LambdaInvocationType type)
    {
        var limit = type == LambdaInvocationType.Event ? MaxAsyncPayloadBytes : MaxSyncPayloadBytes;
        if (payload.Length > limit)
        {
            throw LambdaErrors.PayloadTooLarge(limit);
        }
        if (payload.IsEmpty)
        {
            // An invoke without a body hands the function an empty JSON object.
            return EmptyObject;
        }
        try
        {
            using var document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw LambdaErrors.PayloadNotJson(e.Message);
        }
        return payload;
    }
}
