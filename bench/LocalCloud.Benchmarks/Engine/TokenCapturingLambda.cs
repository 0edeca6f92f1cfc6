using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Ports;

namespace LocalCloud.Benchmarks.Engine;

/// <summary>
/// A Lambda that answers at once and hands the bench the task token each execution sent
/// (payload {"token": $$.Task.Token, "execution": $$.Execution.Id}), so only the engine is measured.
/// </summary>
public sealed class TokenCapturingLambda : ILambdaInvoker
{
    private static readonly LambdaInvokeResult Ok = new(200, "{}"u8.ToArray(), null);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _tokens = new(StringComparer.Ordinal);

    public Task<string> TokenFor(string executionArn) => Slot(executionArn).Task;

    public Task<LambdaInvokeResult> InvokeAsync(LambdaInvokeRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = JsonNode.Parse(request.Payload.Span);
        if (payload?["token"]?.GetValue<string>() is { } token && payload["execution"]?.GetValue<string>() is { } execution)
        {
            Slot(execution).TrySetResult(token);
        }

        return Task.FromResult(Ok);
    }

    private TaskCompletionSource<string> Slot(string executionArn)
        => _tokens.GetOrAdd(executionArn, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
