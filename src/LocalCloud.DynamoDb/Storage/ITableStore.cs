using LocalCloud.Core.Persistence;
using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Storage;

/// <summary>
/// The items of one table and its indexes. Implementations are thread-safe; <see cref="Write"/> is
/// atomic (read, decide, write) so conditional writes from concurrent callers serialise correctly.
/// Shaped so a SQLite implementation can sit behind it later.
/// </summary>
internal interface ITableStore
{
    TableDefinition Definition { get; }

    long ItemCount { get; }

    long SizeBytes { get; }

    Item? Get(Item key);

    /// <summary>
    /// Runs <paramref name="read"/> over one partition of the table (index null) or an index, in sort-key order, under
    /// the table's lock: a reader that stops after a page does not copy the partition. <paramref name="read"/> must
    /// not keep the sequence, nor write.
    /// </summary>
    T ReadPartition<T>(string? indexName, AttributeValue hashValue, Func<IEnumerable<Item>, T> read);

    /// <summary>Every item of the table or of an index, in a stable order (partition, then sort key).</summary>
    IReadOnlyList<Item> All(string? indexName);

    /// <summary>
    /// Atomically replaces the item at <paramref name="key"/> with what <paramref name="change"/> returns for
    /// the current item (null deletes). Exceptions thrown by the change leave the table untouched. When the
    /// table is durable the change is written to the durable store first (nothing is written when the change
    /// returns the current item itself).
    /// </summary>
    ItemWrite Write(Item key, Func<Item?, Item?> change);

    /// <summary>
    /// The durable record of putting <paramref name="next"/> at <paramref name="key"/> (null deletes), or null
    /// when the table is not kept durably. A transaction gathers these for all its items, writes them in one
    /// atomic call, then applies each with <see cref="WriteRecorded"/>.
    /// </summary>
    DurableChange? DurableChangeFor(Item key, Item? next);

    /// <summary>Replaces the item at <paramref name="key"/> with <paramref name="next"/> without writing it durably: the caller already has.</summary>
    ItemWrite WriteRecorded(Item key, Item? next);

    /// <summary>
    /// Holds this table's lock until disposed, so a transaction can check and write several items (across
    /// tables, locked in one global order) with no reader or writer seeing a partial result. Re-entrant:
    /// the holder may still call <see cref="Get"/> and <see cref="Write"/>.
    /// </summary>
    IDisposable Exclusive();

    /// <summary>
    /// Swaps in a new definition atomically: an index that is new is built from the current items
    /// (the backfill), one that is gone is dropped.
    /// </summary>
    void Redefine(Func<TableDefinition, TableDefinition> change);
}
