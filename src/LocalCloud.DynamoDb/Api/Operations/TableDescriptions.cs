using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Builds the TableDescription wire shape from a table's definition and live counts.</summary>
internal static class TableDescriptions
{
    public static TableDescription From(ITableStore store, string status)
    {
        var t = store.Definition;
        return new TableDescription
        {
            AttributeDefinitions = t.AttributeDefinitions.Select(d => new AttributeDefinition { AttributeName = d.Key, AttributeType = d.Value.ToString() }).ToList(),
            TableName = t.Name,
            KeySchema = Schema(t.Key),
            TableStatus = status,
            CreationDateTime = t.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
            ProvisionedThroughput = new ProvisionedThroughputDescription { ReadCapacityUnits = t.ReadCapacityUnits, WriteCapacityUnits = t.WriteCapacityUnits },
            TableSizeBytes = store.SizeBytes,
            ItemCount = store.ItemCount,
            TableArn = t.Arn,
            TableId = t.TableId,
            // AWS reports a summary once a table has been on demand at any time, provisioned tables never switched get none.
            BillingModeSummary = t.PayPerRequestSince is { } since
                ? new BillingModeSummary { BillingMode = t.BillingMode, LastUpdateToPayPerRequestDateTime = since.ToUnixTimeMilliseconds() / 1000.0 }
                : null,
            GlobalSecondaryIndexes = Nullable(t.Indexes.Where(i => i.IsGlobal).Select(i =>
            {
                var entries = store.All(i.Name);
                return new GlobalSecondaryIndexDescription
                {
                    IndexName = i.Name,
                    KeySchema = Schema(i.Key),
                    Projection = Projection(i),
                    IndexStatus = "ACTIVE",
                    ProvisionedThroughput = new ProvisionedThroughputDescription { ReadCapacityUnits = i.ReadCapacityUnits, WriteCapacityUnits = i.WriteCapacityUnits },
                    IndexSizeBytes = entries.Sum(e => (long)Model.ItemSize.Of(e)),
                    ItemCount = entries.Count,
                    IndexArn = i.Arn,
                };
            })),
            LocalSecondaryIndexes = Nullable(t.Indexes.Where(i => !i.IsGlobal).Select(i =>
            {
                var entries = store.All(i.Name);
                return new LocalSecondaryIndexDescription
                {
                    IndexName = i.Name,
                    KeySchema = Schema(i.Key),
                    Projection = Projection(i),
                    IndexSizeBytes = entries.Sum(e => (long)Model.ItemSize.Of(e)),
                    ItemCount = entries.Count,
                    IndexArn = i.Arn,
                };
            })),
            DeletionProtectionEnabled = t.DeletionProtectionEnabled,
        };
    }

    private static List<KeySchemaElement> Schema(KeyDefinition key)
    {
        var schema = new List<KeySchemaElement> { new() { AttributeName = key.HashName, KeyType = "HASH" } };
        if (key.RangeName is not null)
        {
            schema.Add(new KeySchemaElement { AttributeName = key.RangeName, KeyType = "RANGE" });
        }
        return schema;
    }

    private static Projection Projection(IndexDefinition index) => new()
    {
        ProjectionType = index.ProjectionType,
        NonKeyAttributes = index.NonKeyAttributes?.ToList(),
    };

    private static List<T>? Nullable<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }
}
