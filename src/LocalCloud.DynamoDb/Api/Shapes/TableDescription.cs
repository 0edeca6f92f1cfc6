namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape TableDescription of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class TableDescription
{
    public List<AttributeDefinition>? AttributeDefinitions { get; init; }

    public string? TableName { get; init; }

    public List<KeySchemaElement>? KeySchema { get; init; }

    public string? TableStatus { get; init; }

    public double CreationDateTime { get; init; }

    public ProvisionedThroughputDescription? ProvisionedThroughput { get; init; }

    public long TableSizeBytes { get; init; }

    public long ItemCount { get; init; }

    public string? TableArn { get; init; }

    public string? TableId { get; init; }

    public BillingModeSummary? BillingModeSummary { get; init; }

    public List<LocalSecondaryIndexDescription>? LocalSecondaryIndexes { get; init; }

    public List<GlobalSecondaryIndexDescription>? GlobalSecondaryIndexes { get; init; }

    public bool DeletionProtectionEnabled { get; init; }
}
