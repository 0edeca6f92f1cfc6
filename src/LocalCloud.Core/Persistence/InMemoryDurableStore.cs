namespace LocalCloud.Core.Persistence;

/// <summary>
/// A durable store that lives as long as the object: tests build a service over it, drop the service
/// (the "crash"), and build a new one over the same store to prove what a restart recovers.
/// Same contract as the SQLite store the host uses with <c>--data</c>.
/// </summary>
public sealed class InMemoryDurableStore : IDurableStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, string>> _collections = new(StringComparer.Ordinal);

    public bool IsDurable => true;

    /// <summary>How many changes were written: lets a test prove a write happened before the answer.</summary>
    public int ChangeCount { get; private set; }

    public IReadOnlyList<DurableRecord> Load(string collection)
    {
        lock (_gate)
        {
            return _collections.TryGetValue(collection, out var records)
                ? [.. records.Select(r => new DurableRecord(r.Key, r.Value))]
                : [];
        }
    }

    public void Write(IReadOnlyList<DurableChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            foreach (var change in changes)
            {
                if (!_collections.TryGetValue(change.Collection, out var records))
                {
                    records = new SortedDictionary<string, string>(StringComparer.Ordinal);
                    _collections[change.Collection] = records;
                }
                switch (change)
                {
                    case DurableChange.Put put:
                        records[put.Key] = put.Value;
                        break;
                    case DurableChange.Delete delete:
                        records.Remove(delete.Key);
                        break;
                    case DurableChange.DeletePrefix prefix:
                        foreach (var key in records.Keys.Where(k => k.StartsWith(prefix.Key, StringComparison.Ordinal)).ToList())
                        {
                            records.Remove(key);
                        }
                        break;
                    default:
                        throw new ArgumentException($"Unknown change {change.GetType().Name}.", nameof(changes));
                }
                ChangeCount++;
            }
        }
    }
}
