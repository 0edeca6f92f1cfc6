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

    /// <summary>Items of one partition of the table (index null) or an index, in sort-key order.</summary>
    IReadOnlyList<Item> Partition(string? indexName, AttributeValue hashValue);

    /// <summary>Every item of the table or of an index, in a stable order (partition, then sort key).</summary>
    IReadOnlyList<Item> All(string? indexName);

    /// <summary>
    /// Atomically replaces the item at <paramref name="key"/> with what <paramref name="change"/> returns for
    /// the current item (null deletes). Exceptions thrown by the change leave the table untouched.
    /// </summary>
    ItemWrite Write(Item key, Func<Item?, Item?> change);
}
