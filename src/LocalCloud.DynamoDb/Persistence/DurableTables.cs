using System.Text.Json;
using System.Text.Json.Serialization;
using LocalCloud.Core.Persistence;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Persistence;

/// <summary>
/// How the tables of one account and region are kept in the <see cref="IDurableStore"/> (--data): one record
/// per table definition in <see cref="TablesCollection"/> (schema, indexes, billing, TTL, tags, dates) and one
/// per item in <see cref="ItemsCollection"/>. Secondary indexes are not stored: loading rebuilds them from the
/// items. Only built when the store is durable, so the in-memory path never serialises anything.
/// </summary>
internal sealed class DurableTables(IDurableStore durable, string accountId, string region)
{
    public const string TablesCollection = "dynamodb.tables";
    public const string ItemsCollection = "dynamodb.items";

    // The value format; bump it when TableDefinition or the item shape changes incompatibly.
    private const int Version = 1;

    // Fixed options: item keys are compared as text, so their encoding must never vary.
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public IDurableStore Store => durable;

    /// <summary>Record key of a table: "account/region/table" (table names cannot contain '/').</summary>
    public string TableKey(string tableName) => $"{accountId}/{region}/{tableName}";

    /// <summary>
    /// Record key of an item: "account/region/table/" then the JSON of its key attributes in key-schema order,
    /// e.g. <c>[{"S":"job-1"},{"N":"5"}]</c>. Numbers are in canonical form, so 5 and 5.0 are one key.
    /// </summary>
    public string ItemKey(TableDefinition table, Item key)
    {
        AttributeValue[] values = table.Key.RangeName is null ? [key[table.Key.HashName]] : [key[table.Key.HashName], key[table.Key.RangeName]];
        return ItemPrefix(table.Name) + JsonSerializer.Serialize(values, Json);
    }

    public DurableChange PutTable(TableDefinition table)
        => new DurableChange.Put(TablesCollection, TableKey(table.Name), JsonSerializer.Serialize(new TableRecord(Version, table), Json));

    /// <summary>A table and every item it had; also written before a table is created, so it starts empty whatever came before.</summary>
    public IReadOnlyList<DurableChange> DropTable(string tableName) =>
    [
        new DurableChange.DeletePrefix(ItemsCollection, ItemPrefix(tableName)),
        new DurableChange.Delete(TablesCollection, TableKey(tableName)),
    ];

    /// <summary>The change that puts <paramref name="next"/> at <paramref name="key"/>, or deletes it when null.</summary>
    public DurableChange Item(TableDefinition table, Item key, Item? next)
    {
        var itemKey = ItemKey(table, key);
        return next is null
            ? new DurableChange.Delete(ItemsCollection, itemKey)
            : new DurableChange.Put(ItemsCollection, itemKey, JsonSerializer.Serialize(new ItemRecord(Version, next), Json));
    }

    public void Write(IReadOnlyList<DurableChange> changes) => durable.Write(changes);

    /// <summary>Reads back every table and item into <paramref name="stores"/>; items whose table is gone are skipped.</summary>
    public static void Load(IDurableStore durable, DynamoDbStores stores)
    {
        foreach (var record in durable.Load(TablesCollection))
        {
            var (account, region, _) = SplitKey(record.Key);
            var table = JsonSerializer.Deserialize<TableRecord>(record.Value, Json)?.Table
                ?? throw new InvalidDataException($"DynamoDB table record {record.Key} is empty.");
            stores.For(account, region).Restore(table);
        }
        foreach (var record in durable.Load(ItemsCollection))
        {
            var (account, region, tableName) = SplitKey(record.Key);
            if (stores.Existing(account, region)?.Open(tableName) is not { } table)
            {
                continue;
            }
            var item = JsonSerializer.Deserialize<ItemRecord>(record.Value, Json)?.Item
                ?? throw new InvalidDataException($"DynamoDB item record {record.Key} is empty.");
            table.WriteRecorded(table.Definition.Key.Extract(item)!, item);
        }
    }

    private string ItemPrefix(string tableName) => $"{accountId}/{region}/{tableName}/";

    private static (string Account, string Region, string Table) SplitKey(string key)
    {
        var parts = key.Split('/', 4);
        return parts.Length >= 3 ? (parts[0], parts[1], parts[2]) : throw new InvalidDataException($"Malformed DynamoDB record key {key}.");
    }

    private sealed record TableRecord([property: JsonPropertyName("v")] int V, [property: JsonPropertyName("table")] TableDefinition Table);

    private sealed record ItemRecord([property: JsonPropertyName("v")] int V, [property: JsonPropertyName("item")] Item Item);
}
