using LocalCloud.Core.Usage;
using LocalCloud.DynamoDb.Api.Operations;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Metering;

/// <summary>
/// The units of a request that touches several tables (batch and transaction operations): one
/// <see cref="CapacityReport"/> per table, answered as AWS's ConsumedCapacity list, one entry per table.
/// </summary>
internal sealed class CapacityReports(bool isRead)
{
    private readonly Dictionary<string, CapacityReport> _tables = new(StringComparer.Ordinal);

    public CapacityReport For(TableDefinition table)
    {
        if (!_tables.TryGetValue(table.Name, out var report))
        {
            report = new CapacityReport(table, isRead);
            _tables[table.Name] = report;
        }
        return report;
    }

    public void Meter(UsageMeter usage)
    {
        foreach (var report in _tables.Values)
        {
            report.Meter(usage);
        }
    }

    public List<ConsumedCapacity>? ToWire(string? mode)
    {
        var entries = _tables.Values.Select(r => r.ToWire(mode)).OfType<ConsumedCapacity>().ToList();
        return mode is null or "NONE" ? null : entries;
    }

    /// <summary>Rejects a bad ReturnConsumedCapacity before any work is done.</summary>
    public static void CheckMode(string? mode)
    {
        if (mode is not (null or "NONE" or "TOTAL" or "INDEXES"))
        {
            throw Core.AwsServiceException.Validation($"1 validation error detected: Value '{mode}' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
        }
    }
}
