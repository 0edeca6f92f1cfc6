using LocalCloud.Core;
using LocalCloud.Core.Usage;

namespace LocalCloud;

/// <summary>The composition root: every emulated service, built once and wired to each other in-process.</summary>
public sealed class ServiceSet : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    public ServiceSet(UsageMeter usage, IReadOnlyList<IServiceEndpoint> endpoints)
    {
        Usage = usage;
        Endpoints = endpoints;
        _owned.AddRange(endpoints.OfType<IAsyncDisposable>());
    }

    public UsageMeter Usage { get; }

    public IReadOnlyList<IServiceEndpoint> Endpoints { get; }

    public static ServiceSet Create(ServiceSetContext context)
    {
        var usage = new UsageMeter();
        return new ServiceSet(usage, []);
    }

    public async ValueTask DisposeAsync()
    {
        // Reverse order: callers (Scheduler, Step Functions) stop before what they call (Lambda).
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().ConfigureAwait(false);
        }
    }
}
