using System.Collections.Concurrent;
using System.Text;
using LocalCloud.Core;
using LocalCloud.Core.Ports;

namespace LocalCloud.StepFunctions.Tests.Support;

/// <summary>Records every invoke and answers from a script per function name; unscripted functions echo their payload.</summary>
public sealed class FakeLambda : ILambdaInvoker
{
    private readonly ConcurrentDictionary<string, Func<LambdaInvokeRequest, Task<LambdaInvokeResult>>> _script = new(StringComparer.Ordinal);

    public ConcurrentQueue<LambdaInvokeRequest> Invocations { get; } = new();

    public void Returns(string function, string payload)
        => _script[function] = _ => Task.FromResult(new LambdaInvokeResult(200, Encoding.UTF8.GetBytes(payload), null));

    public void FailsWith(string function, string errorType, string message)
        => _script[function] = _ => Task.FromResult(new LambdaInvokeResult(200,
            Encoding.UTF8.GetBytes($$"""{"errorType":"{{errorType}}","errorMessage":"{{message}}"}"""), "Unhandled"));

    public void Throws(string function, AwsServiceException error)
        => _script[function] = _ => Task.FromException<LambdaInvokeResult>(error);

    public void Answers(string function, Func<LambdaInvokeRequest, Task<LambdaInvokeResult>> answer) => _script[function] = answer;

    public Task<LambdaInvokeResult> InvokeAsync(LambdaInvokeRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Invocations.Enqueue(request);
        var name = request.FunctionName.Split(':') is { Length: >= 7 } parts ? parts[6] : request.FunctionName;
        return _script.TryGetValue(name, out var answer)
            ? answer(request)
            : Task.FromResult(new LambdaInvokeResult(200, request.Payload, null));
    }

    public string PayloadText(int index) => Encoding.UTF8.GetString(Invocations.ElementAt(index).Payload.Span);
}
