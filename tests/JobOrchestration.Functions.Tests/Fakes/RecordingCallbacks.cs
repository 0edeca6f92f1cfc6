using System.Collections.Concurrent;
using JobOrchestration.Functions.Poller;

namespace JobOrchestration.Functions.Tests.Fakes;

/// <summary>Step Functions' task callbacks, recorded. Tokens can be marked closed (TaskTimedOut) or failing.</summary>
internal sealed class RecordingCallbacks : ITaskCallbacks
{
    private readonly ConcurrentQueue<SentCallback> sent = new();

    public ConcurrentDictionary<string, bool> ClosedTokens { get; } = new();

    public ConcurrentDictionary<string, Exception> FailingTokens { get; } = new();

    public IReadOnlyList<SentCallback> Sent => [.. sent];

    public Task<CallbackResult> SendSuccessAsync(string taskToken, string output, CancellationToken cancellationToken) =>
        Send(new SentCallback(taskToken, Output: output));

    public Task<CallbackResult> SendFailureAsync(string taskToken, string errorName, string cause, CancellationToken cancellationToken) =>
        Send(new SentCallback(taskToken, Error: errorName, Cause: cause));

    private Task<CallbackResult> Send(SentCallback callback)
    {
        if (FailingTokens.TryGetValue(callback.TaskToken, out var failure))
        {
            return Task.FromException<CallbackResult>(failure);
        }

        sent.Enqueue(callback);
        return Task.FromResult(ClosedTokens.ContainsKey(callback.TaskToken) ? CallbackResult.TaskClosed : CallbackResult.Delivered);
    }
}
