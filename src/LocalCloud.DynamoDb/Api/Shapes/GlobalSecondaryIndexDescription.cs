namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape GlobalSecondaryIndexDescription of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class GlobalSecondaryIndexDescription
{
    public string? IndexName { get; init; }

    public List<KeySchemaElement>? KeySchema { get; init; }

    public Projection? Projection { get; init; }

    public string? IndexStatus { get; init; }

    public ProvisionedThroughputDescription? ProvisionedThroughput { get; init; }

    public long IndexSizeBytes { get; init; }

    public long ItemCount { get; init; }

    public string? IndexArn { get; init; }
}
