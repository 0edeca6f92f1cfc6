using System.Text.Json;

namespace LocalCloud.Core.Protocols;

/// <summary>
/// The awsJson1.0/1.1 protocol: POST / with X-Amz-Target "Prefix.Operation" and a JSON body.
/// Maps each operation name to one typed handler; every failure leaves as AWS's JSON error shape.
/// </summary>
public sealed class AwsJsonDispatcher(string targetPrefix, string errorNamespace, JsonSerializerOptions options, string contentType = "application/x-amz-json-1.0")
{
    private readonly Dictionary<string, Func<ServiceRequest, CancellationToken, Task<ServiceResponse>>> _operations = new(StringComparer.Ordinal);

    public string TargetPrefix { get; } = targetPrefix;

    public IEnumerable<string> Operations => _operations.Keys;

    /// <summary>Operations AWS has but this emulator does not: they answer a clear "not implemented".</summary>
    public HashSet<string> KnownButNotImplemented { get; } = new(StringComparer.Ordinal);

    public AwsJsonDispatcher Add<TRequest, TResponse>(string operation, Func<TRequest, RequestContext, CancellationToken, Task<TResponse>> handler)
    {
        _operations[operation] = async (request, ct) =>
        {
            var input = Deserialize<TRequest>(request.Body);
            var output = await handler(input, request.Context, ct).ConfigureAwait(false);
            return ServiceResponse.Json(200, JsonSerializer.SerializeToUtf8Bytes(output, options), contentType);
        };
        return this;
    }

    public async Task<ServiceResponse> DispatchAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var operation = OperationName(request);
            if (!_operations.TryGetValue(operation, out var handler))
            {
                throw KnownButNotImplemented.Contains(operation)
                    ? new AwsServiceException("UnknownOperationException", $"Operation {operation} is not implemented by LocalCloud yet.")
                    : new AwsServiceException("UnknownOperationException", $"Unknown operation {operation}.");
            }
            return await handler(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return AwsErrors.AwsJson(e, errorNamespace, contentType);
        }
    }

    private string OperationName(ServiceRequest request)
    {
        var target = request.Header("X-Amz-Target");
        if (string.IsNullOrEmpty(target))
        {
            throw new AwsServiceException("UnknownOperationException", "Missing X-Amz-Target header.");
        }
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !string.Equals(target[..dot], TargetPrefix, StringComparison.Ordinal))
        {
            throw new AwsServiceException("UnknownOperationException", $"Unknown operation {target}.");
        }
        return target[(dot + 1)..];
    }

    private T Deserialize<T>(ReadOnlyMemory<byte> body)
    {
        try
        {
            var span = body.Span;
            return (span.IsEmpty ? default : JsonSerializer.Deserialize<T>(span, options))
                ?? throw new AwsServiceException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("SerializationException", $"The request body is not valid: {e.Message}");
        }
    }
}
