using System.Collections.Concurrent;
using LocalCloud.Lambda.Functions;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// Lambda's asynchronous invocation queue (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html):
/// a failed event is retried twice by default, one minute after the first attempt and two minutes after the second;
/// an event throttled by reserved concurrency waits for room; an event older than MaximumEventAgeInSeconds (six
/// hours by default) is discarded. Retries keep the request id. The function's settings are read again before each
/// attempt, so PutFunctionEventInvokeConfig applies to events already queued.
/// </summary>
internal sealed class EventQueue(IFunctionStore store, InvocationEngine engine, ConcurrencyLimiter limiter, TimeProvider time, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SecondRetryDelay = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    /// <summary>Told of every step an event takes (tests wait on it instead of sleeping).</summary>
    internal Action<EventNotice>? Observer { get; set; }

    public void Enqueue(FunctionRecord function, string requestId, ReadOnlyMemory<byte> payload)
    {
        var received = time.GetUtcNow();
        var task = Task.Run(() => DeliverAsync(function, requestId, payload, received, _stopping.Token));
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>No further attempt starts; waiting events are dropped (LocalCloud keeps no queue across restarts).</summary>
    public void Stop()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _stopping.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(TimeSpan.FromSeconds(10), time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.EventsStillRunning();
        }
        _stopping.Dispose();
    }

    private async Task DeliverAsync(FunctionRecord first, string requestId, ReadOnlyMemory<byte> payload, DateTimeOffset received, CancellationToken stopping)
    {
        var failures = 0;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var function = store.Find(first.AccountId, first.Region, first.FunctionName);
                if (function is null)
                {
                    Report(requestId, first.FunctionName, EventStep.FunctionDeleted, failures, "the function was deleted");
                    return;
                }
                var maxAge = function.EventInvokeConfig?.MaximumEventAge ?? TimeSpan.FromSeconds(EventInvokeSettings.DefaultMaximumEventAgeSeconds);
                var left = received + maxAge - time.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    Report(requestId, function.FunctionName, EventStep.Expired, failures, "it reached the maximum event age");
                    return;
                }
                var changed = limiter.Changed;
                if (!limiter.TryAcquire(function.FunctionArn, function.ReservedConcurrentExecutions))
                {
                    await WaitForRoomAsync(changed, left, requestId, function.FunctionName, failures, stopping).ConfigureAwait(false);
                    continue;
                }
                InvocationOutcome outcome;
                try
                {
                    (outcome, _) = await engine.RunAsync(function, requestId, payload, "Event").ConfigureAwait(false);
                }
                finally
                {
                    limiter.Release(function.FunctionArn);
                }
                if (!outcome.IsError)
                {
                    Observer?.Invoke(new EventNotice(requestId, function.FunctionName, EventStep.Succeeded, failures));
                    return;
                }
                failures++;
                var retries = function.EventInvokeConfig?.RetryAttempts ?? EventInvokeSettings.DefaultRetryAttempts;
                if (failures > retries)
                {
                    Report(requestId, function.FunctionName, EventStep.RetriesExhausted, failures, $"{failures} attempts failed, the last with {outcome.ErrorType}");
                    return;
                }
                var delay = failures == 1 ? FirstRetryDelay : SecondRetryDelay;
                if (time.GetUtcNow() + delay - received > maxAge)
                {
                    Report(requestId, function.FunctionName, EventStep.Expired, failures, "its next retry would pass the maximum event age");
                    return;
                }
                // The timer exists before anyone is told, so a test that advances a fake clock on the notice cannot miss it.
                var due = Task.Delay(delay, time, stopping);
                logger.EventRetrying(requestId, function.FunctionName, outcome.ErrorType, delay, failures + 1);
                Observer?.Invoke(new EventNotice(requestId, function.FunctionName, EventStep.RetryScheduled, failures, delay));
                await due.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The service is stopping: queued events go with it, as LocalCloud keeps no queue across restarts.
        }
    }

    private async Task WaitForRoomAsync(Task changed, TimeSpan left, string requestId, string functionName, int failures, CancellationToken stopping)
    {
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var aged = Task.Delay(left, time, expiry.Token);
        Observer?.Invoke(new EventNotice(requestId, functionName, EventStep.Throttled, failures));
        await Task.WhenAny(changed, aged).ConfigureAwait(false);
        await expiry.CancelAsync().ConfigureAwait(false);
        stopping.ThrowIfCancellationRequested();
    }

    private void Report(string requestId, string functionName, EventStep step, int failures, string reason)
    {
        logger.EventDropped(requestId, functionName, reason);
        Observer?.Invoke(new EventNotice(requestId, functionName, step, failures));
    }
}
