using System.Collections.Concurrent;
using System.Threading.Channels;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.WebConsole;

/// <summary>One history event as it was appended, with the execution and state machine it belongs to.</summary>
internal sealed record LiveEvent(string ExecutionArn, string StateMachineArn, HistoryEvent Event);

/// <summary>
/// Fans the Step Functions engine's appended history events out to the console's open pages. The engine calls in under
/// an execution's lock, so this only offers the event to each subscriber's queue; the page's stream writes it later.
/// </summary>
internal sealed class LiveFeed : IDisposable
{
    // A page that stops reading (a frozen tab) must not hold memory forever: past this it is told to reload instead.
    private const int MaxQueued = 10_000;

    private readonly ExecutionRegistry _executions;
    private readonly ConcurrentDictionary<Subscription, byte> _subscribers = new();

    public LiveFeed(ExecutionRegistry executions)
    {
        _executions = executions;
        executions.HistoryAppended += OnAppended;
    }

    private volatile bool _disposed;

    /// <summary>A queue of the events <paramref name="filter"/> accepts; after <see cref="Dispose"/>, one already complete.</summary>
    public Subscription Subscribe(Func<LiveEvent, bool> filter)
    {
        var subscription = new Subscription(this, filter);
        _subscribers.TryAdd(subscription, 0);
        if (_disposed)
        {
            subscription.Dispose();
        }
        return subscription;
    }

    /// <summary>Stops listening and ends every open stream, so a stopping LocalCloud does not wait for its pages.</summary>
    public void Dispose()
    {
        _disposed = true;
        _executions.HistoryAppended -= OnAppended;
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Dispose();
        }
    }

    private void OnAppended(Execution execution, HistoryEvent e)
    {
        if (_subscribers.IsEmpty)
        {
            return;
        }
        var live = new LiveEvent(execution.Arn, execution.Machine.Arn, e);
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Offer(live);
        }
    }

    /// <summary>One open page's queue of the events it asked for.</summary>
    internal sealed class Subscription(LiveFeed feed, Func<LiveEvent, bool> filter) : IDisposable
    {
        private readonly Channel<LiveEvent> _queue = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(MaxQueued)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        /// <summary>Completes with false when the page fell too far behind (the stream then tells it to reload).</summary>
        public ChannelReader<LiveEvent> Events => _queue.Reader;

        public bool Overflowed { get; private set; }

        internal void Offer(LiveEvent live)
        {
            if (filter(live) && !_queue.Writer.TryWrite(live))
            {
                Overflowed = true;
                _queue.Writer.TryComplete();
            }
        }

        public void Dispose()
        {
            feed._subscribers.TryRemove(this, out _);
            _queue.Writer.TryComplete();
        }
    }
}
