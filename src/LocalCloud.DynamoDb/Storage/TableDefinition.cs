using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Storage;

/// <summary>A table's schema and settings: everything DescribeTable reports except the live counts.</summary>
internal sealed record TableDefinition(
    string Name,
    string Arn,
    string TableId,
    KeyDefinition Key,
    IReadOnlyList<KeyValuePair<string, AttributeType>> AttributeDefinitions,
    IReadOnlyList<IndexDefinition> Indexes,
    string BillingMode,
    long ReadCapacityUnits,
    long WriteCapacityUnits,
    DateTimeOffset CreatedAt,
    bool DeletionProtectionEnabled)
{
    public IndexDefinition? Index(string name) => Indexes.FirstOrDefault(i => i.Name == name);
}
