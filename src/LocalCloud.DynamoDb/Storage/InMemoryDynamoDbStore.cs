using System.Collections.Concurrent;

namespace LocalCloud.DynamoDb.Storage;

/// <summary>Tables of one account and region, held in memory.</summary>
internal sealed class InMemoryDynamoDbStore : IDynamoDbStore
{
    private readonly ConcurrentDictionary<string, InMemoryTableStore> _tables = new(StringComparer.Ordinal);

    public bool TryCreate(TableDefinition definition) => _tables.TryAdd(definition.Name, new InMemoryTableStore(definition));

    public ITableStore? Open(string tableName) => _tables.TryGetValue(tableName, out var t) ? t : null;

    public ITableStore? Remove(string tableName) => _tables.TryRemove(tableName, out var t) ? t : null;

    public IReadOnlyList<string> TableNames() => _tables.Keys.Order(StringComparer.Ordinal).ToList();
}
