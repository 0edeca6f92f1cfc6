using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Persistence;

namespace LocalCloud.StepFunctions.Tests.Support;

/// <summary>
/// An in-memory durable store that keeps a copy of itself after every write: each copy is what a kill -9
/// right after that write would leave behind, with the clock's time then.
/// </summary>
public sealed class SnapshottingStore(TimeProvider time) : IDurableStore
{
    private static readonly string[] Collections =
    [
        StatesCollections.Machines, StatesCollections.Tags, StatesCollections.Versions, StatesCollections.Executions,
        StatesCollections.History, StatesCollections.Checkpoints, StatesCollections.Callbacks,
    ];

    private readonly InMemoryDurableStore _inner = new();
    private readonly Lock _gate = new();

    public List<Snapshot> Snapshots { get; } = [];

    public bool IsDurable => true;

    public IReadOnlyList<DurableRecord> Load(string collection) => _inner.Load(collection);

    public void Write(IReadOnlyList<DurableChange> changes)
    {
        lock (_gate)
        {
            _inner.Write(changes);
            var copy = new InMemoryDurableStore();
            foreach (var collection in Collections)
            {
                var records = _inner.Load(collection);
                if (records.Count > 0)
                {
                    copy.Write([.. records.Select(r => new DurableChange.Put(collection, r.Key, r.Value))]);
                }
            }
            Snapshots.Add(new Snapshot(copy, time.GetUtcNow(), changes));
        }
    }

    public sealed record Snapshot(InMemoryDurableStore Store, DateTimeOffset Time, IReadOnlyList<DurableChange> LastWrite);
}
