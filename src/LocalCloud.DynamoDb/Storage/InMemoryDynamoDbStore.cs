using System.Collections.Concurrent;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Storage;

/// <summary>
/// Tables of one account and region, held in memory and, when <paramref name="durable"/> is given, written
/// through to the durable store. Creating and deleting tables is serialised (rare, and a durable write must
/// not record a table that lost the race); reads stay lock-free.
/// </summary>
internal sealed class InMemoryDynamoDbStore(DurableTables? durable = null) : IDynamoDbStore
{
    private readonly ConcurrentDictionary<string, InMemoryTableStore> _tables = new(StringComparer.Ordinal);
    private readonly Lock _ddl = new();

    public bool TryCreate(TableDefinition definition)
    {
        lock (_ddl)
        {
            if (_tables.ContainsKey(definition.Name))
            {
                return false;
            }
            durable?.Write([.. durable.DropTable(definition.Name), durable.PutTable(definition)]);
            _tables[definition.Name] = new InMemoryTableStore(definition, durable);
            return true;
        }
    }

    public void Restore(TableDefinition definition) => _tables[definition.Name] = new InMemoryTableStore(definition, durable);

    public ITableStore? Open(string tableName) => _tables.TryGetValue(tableName, out var t) ? t : null;

    public ITableStore? Remove(string tableName)
    {
        lock (_ddl)
        {
            if (!_tables.TryGetValue(tableName, out var table))
            {
                return null;
            }
            table.Drop();
            _tables.TryRemove(tableName, out _);
            return table;
        }
    }

    public IReadOnlyList<string> TableNames() => _tables.Keys.Order(StringComparer.Ordinal).ToList();
}
