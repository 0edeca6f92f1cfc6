using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Storage;

/// <summary>
/// A table's schema and settings: everything DescribeTable reports except the live counts. Immutable;
/// UpdateTable, UpdateTimeToLive and tagging swap in a new one through <see cref="ITableStore.Redefine"/>.
/// </summary>
/// <param name="TimeToLiveAttribute">The attribute holding each item's expiry (epoch seconds) when TTL is enabled, else null.</param>
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
    bool DeletionProtectionEnabled,
    string? TimeToLiveAttribute = null,
    IReadOnlyList<KeyValuePair<string, string>>? Tags = null,
    DateTimeOffset? PayPerRequestSince = null)
{
    public IndexDefinition? Index(string name) => Indexes.FirstOrDefault(i => i.Name == name);
}
