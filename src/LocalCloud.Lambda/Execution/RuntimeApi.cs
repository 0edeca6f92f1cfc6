using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// The Lambda Runtime API, version 2018-06-01 (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html),
/// served under a per-worker prefix: /_localcloud/lambda-runtime/{workerId}/2018-06-01/runtime/...
/// The worker's AWS_LAMBDA_RUNTIME_API names that prefix, so runtime clients need no change.
/// </summary>
internal sealed class RuntimeApi(WorkerRegistry workers, TimeProvider time)
{
    /// <summary>Synchronous response limit (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).</summary>
    public const int MaxResponseBytes = 6_291_556;

    private static readonly byte[] Accepted = """{"status":"OK"}"""u8.ToArray();

    public async Task<ServiceResponse> HandleAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        // ["_localcloud", "lambda-runtime", workerId, "2018-06-01", "runtime", ...rest]
        var segments = request.Path.Trim('/').Split('/');
        if (segments.Length < 6 || segments[3] != "2018-06-01" || segments[4] != "runtime")
        {
            return Error(404, "InvalidRoute", $"No Runtime API route matches {request.Method} {request.Path}.");
        }
        var worker = workers.Find(segments[2]);
        if (worker is null)
        {
            return Error(403, "Worker.Unknown", $"No running worker has id '{segments[2]}'.");
        }
        var rest = segments[5..];
        return (request.Method.ToUpperInvariant(), rest) switch
        {
            ("GET", ["invocation", "next"]) => await NextAsync(worker, cancellationToken).ConfigureAwait(false),
            ("POST", ["invocation", var id, "response"]) => Response(worker, id, request),
            ("POST", ["invocation", var id, "error"]) => Report(worker, id, request, OutcomeKind.FunctionError),
            ("POST", ["init", "error"]) => InitError(worker, request),
            _ => Error(404, "InvalidRoute", $"No Runtime API route matches {request.Method} {request.Path}."),
        };
    }

    private async Task<ServiceResponse> NextAsync(Worker worker, CancellationToken cancellationToken)
    {
        Invocation invocation;
        try
        {
            invocation = await worker.NextAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            return Error(410, "Worker.Stopped", "This worker has been stopped.");
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId,
            ["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn,
            ["Lambda-Runtime-Trace-Id"] = TraceId(),
        };
        return ServiceResponse.Json(200, invocation.Payload, "application/json", headers);
    }

    private static ServiceResponse Response(Worker worker, string requestId, ServiceRequest request)
    {
        if (worker.Current is not { } invocation || invocation.RequestId != requestId)
        {
            return Error(400, "InvalidRequestID", $"Invalid request ID: {requestId}");
        }
        if (request.Body.Length > MaxResponseBytes)
        {
            invocation.TryComplete(InvocationOutcome.Error(OutcomeKind.FunctionError, "Function.ResponseSizeTooLarge", $"Response payload size exceeded maximum allowed payload size ({MaxResponseBytes} bytes)."));
            return Error(413, "RequestEntityTooLarge", $"Response payload size ({request.Body.Length} bytes) exceeded maximum allowed payload size ({MaxResponseBytes} bytes).");
        }
        invocation.TryComplete(InvocationOutcome.Success(request.Body.ToArray()));
        return ServiceResponse.Json(202, Accepted);
    }

    private static ServiceResponse Report(Worker worker, string requestId, ServiceRequest request, OutcomeKind kind)
    {
        if (worker.Current is not { } invocation || invocation.RequestId != requestId)
        {
            return Error(400, "InvalidRequestID", $"Invalid request ID: {requestId}");
        }
        invocation.TryComplete(InvocationOutcome.Reported(kind, request.Body.ToArray(), request.Header("Lambda-Runtime-Function-Error-Type")));
        return ServiceResponse.Json(202, Accepted);
    }

    private static ServiceResponse InitError(Worker worker, ServiceRequest request)
    {
        // Init errors are reported before the runtime takes an event; the event waiting for this worker fails with it.
        worker.Current?.TryComplete(InvocationOutcome.Reported(OutcomeKind.InitError, request.Body.ToArray(), request.Header("Lambda-Runtime-Function-Error-Type")));
        return ServiceResponse.Json(202, Accepted);
    }

    private string TraceId()
    {
        // X-Ray's format: Root=1-{epoch seconds hex}-{24 hex}; nothing traces here, but runtimes expect the header.
        var epoch = time.GetUtcNow().ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        return $"Root=1-{epoch}-{Guid.NewGuid().ToString("N")[..24]};Sampled=0";
    }

    private static ServiceResponse Error(int status, string errorType, string message)
        => ServiceResponse.Json(status, JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["errorMessage"] = message, ["errorType"] = errorType }));
}
