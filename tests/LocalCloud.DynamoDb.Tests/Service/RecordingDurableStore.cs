using LocalCloud.Core.Persistence;

namespace LocalCloud.DynamoDb.Tests.Service;

/// <summary>An <see cref="InMemoryDurableStore"/> that also keeps each Write call, to prove what was written together.</summary>
internal sealed class RecordingDurableStore : IDurableStore
{
    private readonly InMemoryDurableStore _inner = new();
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<DurableChange>> _writes = [];

    public bool IsDurable => true;

    public IReadOnlyList<IReadOnlyList<DurableChange>> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    public IReadOnlyList<DurableRecord> Load(string collection) => _inner.Load(collection);

    public void Write(IReadOnlyList<DurableChange> changes)
    {
        _inner.Write(changes);
        lock (_gate)
        {
            _writes.Add([.. changes]);
        }
    }
}
