using LocalCloud.Core.Persistence;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Storage;

/// <summary>
/// A table in memory: partitions keyed by hash value, each sorted by range value; every index kept
/// alongside and updated inside the same lock as the table, so an index is never stale.
/// One lock per table: simple, and writes to one table are short. With a <see cref="DurableTables"/>, every
/// change is written durably inside that lock before memory changes, so the durable order matches the
/// in-memory one and a failed durable write changes nothing.
/// </summary>
internal sealed class InMemoryTableStore : ITableStore
{
    /// <summary>AWS adds 100 bytes per index entry (CapacityUnitCalculations, "secondary indexes").</summary>
    private const int IndexEntryOverhead = 100;

    private readonly Lock _sync = new();
    private readonly Dictionary<AttributeValue, SortedDictionary<AttributeValue, Item>> _partitions = [];
    private readonly Dictionary<string, Dictionary<AttributeValue, SortedDictionary<IndexSortKey, Item>>> _indexes = new(StringComparer.Ordinal);
    private long _count;
    private long _size;
    private readonly DurableTables? _durable;
    private volatile TableDefinition _definition;

    // Set when the table is deleted: a writer that opened it before must not resurrect it durably.
    private bool _dropped;

    public InMemoryTableStore(TableDefinition definition, DurableTables? durable = null)
    {
        _definition = definition;
        _durable = durable;
        foreach (var index in definition.Indexes)
        {
            _indexes[index.Name] = [];
        }
    }

    public TableDefinition Definition => _definition;

    public long ItemCount => Interlocked.Read(ref _count);

    public long SizeBytes => Interlocked.Read(ref _size);

    public Item? Get(Item key)
    {
        lock (_sync)
        {
            return Find(key);
        }
    }

    public T ReadPartition<T>(string? indexName, AttributeValue hashValue, Func<IEnumerable<Item>, T> read)
    {
        lock (_sync)
        {
            if (indexName is null)
            {
                return read(_partitions.TryGetValue(hashValue, out var p) ? p.Values : []);
            }
            return read(_indexes[indexName].TryGetValue(hashValue, out var ip) ? ip.Values : []);
        }
    }

    public IReadOnlyList<Item> All(string? indexName)
    {
        lock (_sync)
        {
            if (indexName is null)
            {
                return _partitions.OrderBy(p => p.Key, KeyValueComparer.Instance).SelectMany(p => p.Value.Values).ToList();
            }
            return _indexes[indexName].OrderBy(p => p.Key, KeyValueComparer.Instance).SelectMany(p => p.Value.Values).ToList();
        }
    }

    public ItemWrite Write(Item key, Func<Item?, Item?> change)
    {
        lock (_sync)
        {
            var old = Find(key);
            var updated = change(old);
            if (_durable is not null && !_dropped && !ReferenceEquals(old, updated))
            {
                _durable.Write([_durable.Item(Definition, key, updated)]);
            }
            return Apply(old, updated);
        }
    }

    public DurableChange? DurableChangeFor(Item key, Item? next)
    {
        lock (_sync)
        {
            return _durable is null || _dropped ? null : _durable.Item(Definition, key, next);
        }
    }

    public ItemWrite WriteRecorded(Item key, Item? next)
    {
        lock (_sync)
        {
            return Apply(Find(key), next);
        }
    }

    public IDisposable Exclusive()
    {
        _sync.Enter();
        return new Release(_sync);
    }

    public void Redefine(Func<TableDefinition, TableDefinition> change)
    {
        lock (_sync)
        {
            var updated = change(_definition);
            if (_durable is not null && !_dropped)
            {
                _durable.Write([_durable.PutTable(updated)]);
            }
            foreach (var gone in _indexes.Keys.Where(name => updated.Index(name) is null).ToList())
            {
                _indexes.Remove(gone);
            }
            _definition = updated;
            foreach (var added in updated.Indexes.Where(i => !_indexes.ContainsKey(i.Name)))
            {
                _indexes[added.Name] = [];
                foreach (var item in _partitions.Values.SelectMany(p => p.Values))
                {
                    UpdateIndex(added, null, item);
                }
            }
        }
    }

    /// <summary>Deletes the table and its items durably, and stops every later write from reaching the durable store.</summary>
    public void Drop()
    {
        lock (_sync)
        {
            _durable?.Write(_durable.DropTable(Definition.Name));
            _dropped = true;
        }
    }

    private ItemWrite Apply(Item? old, Item? updated)
    {
        if (old is not null)
        {
            RemoveFromTable(old);
        }
        if (updated is not null)
        {
            AddToTable(updated);
        }
        var indexWrites = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var index in Definition.Indexes)
        {
            indexWrites[index.Name] = UpdateIndex(index, old, updated);
        }
        return new ItemWrite(old, updated, indexWrites);
    }

    private Item? Find(Item key)
    {
        var (hash, range) = TableKey(key);
        return _partitions.TryGetValue(hash, out var p) && p.TryGetValue(range, out var item) ? item : null;
    }

    private (AttributeValue Hash, AttributeValue Range) TableKey(Item item)
    {
        var k = Definition.Key;
        return (item[k.HashName], k.RangeName is null ? AttributeValue.Null : item[k.RangeName]);
    }

    private void RemoveFromTable(Item item)
    {
        var (hash, range) = TableKey(item);
        var partition = _partitions[hash];
        partition.Remove(range);
        if (partition.Count == 0)
        {
            _partitions.Remove(hash);
        }
        Interlocked.Decrement(ref _count);
        Interlocked.Add(ref _size, -ItemSize.Of(item));
    }

    private void AddToTable(Item item)
    {
        var (hash, range) = TableKey(item);
        if (!_partitions.TryGetValue(hash, out var partition))
        {
            partition = new SortedDictionary<AttributeValue, Item>(KeyValueComparer.Instance);
            _partitions[hash] = partition;
        }
        partition[range] = item;
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _size, ItemSize.Of(item));
    }

    private (int Writes, int Bytes) UpdateIndex(IndexDefinition index, Item? old, Item? updated)
    {
        var entries = _indexes[index.Name];
        var oldEntry = old is null ? null : Entry(index, old);
        var newEntry = updated is null ? null : Entry(index, updated);
        if (oldEntry is { } o)
        {
            var partition = entries[o.Hash];
            partition.Remove(o.Sort);
            if (partition.Count == 0)
            {
                entries.Remove(o.Hash);
            }
        }
        if (newEntry is { } n)
        {
            if (!entries.TryGetValue(n.Hash, out var partition))
            {
                partition = [];
                entries[n.Hash] = partition;
            }
            partition[n.Sort] = n.Projected;
        }
        var bytes = Math.Max(oldEntry is null ? 0 : ItemSize.Of(oldEntry.Value.Projected), newEntry is null ? 0 : ItemSize.Of(newEntry.Value.Projected)) + IndexEntryOverhead;
        // AWS: a changed index key is a delete plus a put (2 writes); an unchanged projection costs nothing.
        return (oldEntry, newEntry) switch
        {
            (null, null) => (0, 0),
            (null, _) or (_, null) => (1, bytes),
            ({ } a, { } b) when a.Hash.Equals(b.Hash) && a.Sort.CompareTo(b.Sort) == 0 =>
                SameItem(a.Projected, b.Projected) ? (0, 0) : (1, bytes),
            _ => (2, bytes),
        };
    }

    private (AttributeValue Hash, IndexSortKey Sort, Item Projected)? Entry(IndexDefinition index, Item item)
    {
        // An item whose index key has the wrong type or is empty stays out of the index: only possible for
        // items written before the index was created (a backfill), since writes are validated against it.
        if (index.Key.Extract(item) is not { } key || !Indexable(key[index.Key.HashName], index.Key.HashType)
            || (index.Key.RangeName is not null && !Indexable(key[index.Key.RangeName], index.Key.RangeType!.Value)))
        {
            return null;
        }
        var (tableHash, tableRange) = TableKey(item);
        var range = index.Key.RangeName is null ? AttributeValue.Null : key[index.Key.RangeName];
        return (key[index.Key.HashName], new IndexSortKey(range, tableHash, tableRange), index.Project(item, Definition.Key));
    }

    private static bool Indexable(AttributeValue value, AttributeType type)
        => value.Type == type && value is not ({ Type: AttributeType.S, S.Length: 0 } or { Type: AttributeType.B, B.Length: 0 });

    private static bool SameItem(Item a, Item b)
        => a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && kv.Value.Equals(v));

    private sealed class Release(Lock sync) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                sync.Exit();
            }
        }
    }
}
