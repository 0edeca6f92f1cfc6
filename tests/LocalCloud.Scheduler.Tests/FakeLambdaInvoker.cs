using System.Text;
using LocalCloud.Core;
using LocalCloud.Core.Ports;

namespace LocalCloud.Scheduler.Tests;

/// <summary>Records every invoke; fails the first <see cref="FailuresBeforeSuccess"/> calls when asked to.</summary>
internal sealed class FakeLambdaInvoker : ILambdaInvoker
{
    private readonly Lock _gate = new();
    private readonly List<(LambdaInvokeRequest Request, RequestContext Context)> _calls = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public int FailuresBeforeSuccess { get; set; }

    public IReadOnlyList<LambdaInvokeRequest> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls.Select(c => c.Request)];
            }
        }
    }

    public RequestContext LastContext
    {
        get
        {
            lock (_gate)
            {
                return _calls[^1].Context;
            }
        }
    }

    public string PayloadOf(int call) => Encoding.UTF8.GetString(Calls[call].Payload.Span);

    public Task<LambdaInvokeResult> InvokeAsync(LambdaInvokeRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        int count;
        lock (_gate)
        {
            _calls.Add((request, context));
            count = _calls.Count;
            foreach (var waiter in _waiters.Where(w => w.Count <= count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
        if (count <= FailuresBeforeSuccess)
        {
            throw new AwsServiceException("TooManyRequestsException", "Rate exceeded", 429);
        }
        return Task.FromResult(new LambdaInvokeResult(202, ReadOnlyMemory<byte>.Empty, null));
    }

    /// <summary>Completes once at least <paramref name="count"/> calls have been made (retries run on the thread pool).</summary>
    public Task WaitForCallsAsync(int count)
    {
        lock (_gate)
        {
            if (_calls.Count >= count)
            {
                return Task.CompletedTask;
            }
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
        }
    }
}
