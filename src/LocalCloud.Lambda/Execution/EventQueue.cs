using System.Collections.Concurrent;
using LocalCloud.Lambda.Functions;
using LocalCloud.Lambda.Persistence;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// Lambda's asynchronous invocation queue (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html):
/// a failed event is retried twice by default, one minute after the first attempt and two minutes after the second;
/// an event throttled by reserved concurrency waits for room; an event older than MaximumEventAgeInSeconds (six
/// hours by default) is discarded. Retries keep the request id. The function's settings are read again before each
/// attempt, so PutFunctionEventInvokeConfig applies to events already queued. With --data the queue is kept in the
/// <see cref="EventJournal"/> and picked up again on restart.
/// </summary>
internal sealed class EventQueue(IFunctionStore store, VersionStore versions, InvocationEngine engine, ConcurrencyLimiter limiter, EventJournal journal, TimeProvider time, ILogger logger) : IAsyncDisposable
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
        var queued = new QueuedEvent(function.AccountId, function.Region, function.FunctionName, requestId, payload, time.GetUtcNow())
        {
            Version = function.Version == FunctionVersions.Latest ? null : function.Version,
        };
        // Kept before Invoke answers 202: an event the caller saw accepted survives a crash.
        journal.Save(queued);
        Start(queued);
    }

    /// <summary>
    /// Re-queues what a previous run accepted and did not finish, each at its next attempt time. At least once: an
    /// attempt the crash cut short runs again.
    /// </summary>
    public int Restore()
    {
        var restored = journal.Load();
        foreach (var queued in restored)
        {
            Start(queued);
        }
        return restored.Count;
    }

    /// <summary>No further attempt starts; waiting events stay in the journal (with --data) for the next start.</summary>
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

    private void Start(QueuedEvent queued)
    {
        var task = Task.Run(() => DeliverAsync(queued, _stopping.Token));
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DeliverAsync(QueuedEvent queued, CancellationToken stopping)
    {
        var (requestId, received, failures) = (queued.RequestId, queued.Received, queued.FailedAttempts);
        try
        {
            // A restored event waits out the retry delay it was given before the restart.
            if (queued.NextAttempt - time.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stopping).ConfigureAwait(false);
            }
            while (!stopping.IsCancellationRequested)
            {
                // Concurrency and event settings are the function's ($LATEST); the code that runs is the version invoked.
                var function = store.Find(queued.AccountId, queued.Region, queued.FunctionName);
                var target = queued.Version is null || function is null ? function : versions.FindVersion(queued.AccountId, queued.Region, queued.FunctionName, queued.Version);
                if (function is null || target is null)
                {
                    Drop(queued, EventStep.FunctionDeleted, failures, "the function was deleted");
                    return;
                }
                var maxAge = function.EventInvokeConfig?.MaximumEventAge ?? TimeSpan.FromSeconds(EventInvokeSettings.DefaultMaximumEventAgeSeconds);
                var left = received + maxAge - time.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    Drop(queued, EventStep.Expired, failures, "it reached the maximum event age");
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
                    (outcome, _) = await engine.RunAsync(target, requestId, queued.Payload, "Event").ConfigureAwait(false);
                }
                finally
                {
                    limiter.Release(function.FunctionArn);
                }
                if (stopping.IsCancellationRequested)
                {
                    // Stopping the service killed the worker under this attempt: it is not the function's failure, and
                    // the event stays queued as it was (with --data it runs again on the next start).
                    return;
                }
                if (!outcome.IsError)
                {
                    journal.Remove(queued);
                    Observer?.Invoke(new EventNotice(requestId, function.FunctionName, EventStep.Succeeded, failures));
                    return;
                }
                failures++;
                var retries = function.EventInvokeConfig?.RetryAttempts ?? EventInvokeSettings.DefaultRetryAttempts;
                if (failures > retries)
                {
                    Drop(queued, EventStep.RetriesExhausted, failures, $"{failures} attempts failed, the last with {outcome.ErrorType}");
                    return;
                }
                var delay = failures == 1 ? FirstRetryDelay : SecondRetryDelay;
                if (time.GetUtcNow() + delay - received > maxAge)
                {
                    Drop(queued, EventStep.Expired, failures, "its next retry would pass the maximum event age");
                    return;
                }
                journal.Save(queued with { FailedAttempts = failures, NextAttempt = time.GetUtcNow() + delay });
                // The timer exists before anyone is told, so a test that advances a fake clock on the notice cannot miss it.
                var due = Task.Delay(delay, time, stopping);
                logger.EventRetrying(requestId, function.FunctionName, outcome.ErrorType, delay, failures + 1);
                Observer?.Invoke(new EventNotice(requestId, function.FunctionName, EventStep.RetryScheduled, failures, delay));
                await due.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The service is stopping: a waiting event stays in the journal (with --data) for the next start.
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

    private void Drop(QueuedEvent queued, EventStep step, int failures, string reason)
    {
        journal.Remove(queued);
        logger.EventDropped(queued.RequestId, queued.FunctionName, reason);
        Observer?.Invoke(new EventNotice(queued.RequestId, queued.FunctionName, step, failures));
    }
}
