using LocalCloud.Core;
using LocalCloud.Scheduler.Ports;

namespace LocalCloud.Scheduler.Tests;

/// <summary>Records every call a state machine or universal target makes; serves "sfn" and "dynamodb" as the host does.</summary>
internal sealed class FakeSdkTargets : ISdkTargetInvoker
{
    private readonly Lock _gate = new();
    private readonly List<(string Service, string Action, string Request, RequestContext Context)> _calls = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    /// <summary>When set, every call answers this error (the service refused the request).</summary>
    public AwsServiceException? Failure { get; set; }

    public IReadOnlyList<(string Service, string Action, string Request, RequestContext Context)> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public bool Serves(string service) => service is "sfn" or "dynamodb";

    public Task<string> InvokeAsync(string service, string action, string request, RequestContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add((service, action, request, context));
            foreach (var waiter in _waiters.Where(w => w.Count <= _calls.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
        return Failure is { } failure ? Task.FromException<string>(failure) : Task.FromResult("{}");
    }

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
