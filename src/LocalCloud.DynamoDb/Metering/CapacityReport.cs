using LocalCloud.Core.Usage;
using LocalCloud.DynamoDb.Api.Operations;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Metering;

/// <summary>
/// The units one request consumed, on the table and on each index; reported back as AWS's
/// ConsumedCapacity (TOTAL or INDEXES) and counted in the usage meter either way.
/// </summary>
internal sealed class CapacityReport(TableDefinition table, bool isRead)
{
    private readonly Dictionary<string, double> _indexes = new(StringComparer.Ordinal);

    public double TableUnits { get; set; }

    public void AddIndex(string indexName, double units) => _indexes[indexName] = _indexes.GetValueOrDefault(indexName) + units;

    public double Total => TableUnits + _indexes.Values.Sum();

    public void Meter(UsageMeter usage)
    {
        var metric = isRead ? "ReadCapacityUnits" : "WriteCapacityUnits";
        if (TableUnits > 0)
        {
            usage.Add("dynamodb", metric, table.Name, TableUnits);
        }
        foreach (var (index, units) in _indexes.Where(kv => kv.Value > 0))
        {
            usage.Add("dynamodb", metric, $"{table.Name}/index/{index}", units);
        }
    }

    public ConsumedCapacity? ToWire(string? mode)
    {
        if (mode is null or "NONE")
        {
            return null;
        }
        if (mode is not ("TOTAL" or "INDEXES"))
        {
            throw Core.AwsServiceException.Validation($"1 validation error detected: Value '{mode}' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
        }
        var total = Total;
        var result = new ConsumedCapacity
        {
            TableName = table.Name,
            CapacityUnits = total,
            ReadCapacityUnits = isRead ? total : null,
            WriteCapacityUnits = isRead ? null : total,
        };
        if (mode == "TOTAL")
        {
            return result;
        }
        Dictionary<string, Capacity>? Of(bool global)
        {
            var entries = _indexes.Where(kv => table.Index(kv.Key)?.IsGlobal == global).ToDictionary(kv => kv.Key, kv => Unit(kv.Value), StringComparer.Ordinal);
            return entries.Count == 0 ? null : entries;
        }
        return new ConsumedCapacity
        {
            TableName = result.TableName,
            CapacityUnits = result.CapacityUnits,
            ReadCapacityUnits = result.ReadCapacityUnits,
            WriteCapacityUnits = result.WriteCapacityUnits,
            Table = Unit(TableUnits),
            GlobalSecondaryIndexes = Of(true),
            LocalSecondaryIndexes = Of(false),
        };
    }

    private Capacity Unit(double units) => new()
    {
        CapacityUnits = units,
        ReadCapacityUnits = isRead ? units : null,
        WriteCapacityUnits = isRead ? null : units,
    };
}
