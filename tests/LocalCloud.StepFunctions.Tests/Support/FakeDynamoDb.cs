using System.Collections.Concurrent;
using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Ports;

namespace LocalCloud.StepFunctions.Tests.Support;

/// <summary>Records every call; answers a scripted response or error per operation, else "{}".</summary>
public sealed class FakeDynamoDb : IDynamoDbInvoker
{
    private readonly ConcurrentDictionary<string, Func<JsonElement, Task<JsonElement>>> _script = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Operation, string Parameters)> Calls { get; } = new();

    public void Returns(string operation, string response)
        => _script[operation] = _ => Task.FromResult(JsonDocument.Parse(response).RootElement.Clone());

    public void Throws(string operation, AwsServiceException error)
        => _script[operation] = _ => Task.FromException<JsonElement>(error);

    public void Answers(string operation, Func<JsonElement, Task<JsonElement>> answer) => _script[operation] = answer;

    public Task<JsonElement> InvokeAsync(string operation, JsonElement parameters, RequestContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue((operation, parameters.GetRawText()));
        return _script.TryGetValue(operation, out var answer) ? answer(parameters) : Task.FromResult(JsonDocument.Parse("{}").RootElement.Clone());
    }
}
