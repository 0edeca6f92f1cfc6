namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape ConsumedCapacity of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class ConsumedCapacity
{
    public string? TableName { get; init; }

    public double CapacityUnits { get; init; }

    public double? ReadCapacityUnits { get; init; }

    public double? WriteCapacityUnits { get; init; }

    public Capacity? Table { get; init; }

    public Dictionary<string, Capacity>? LocalSecondaryIndexes { get; init; }

    public Dictionary<string, Capacity>? GlobalSecondaryIndexes { get; init; }
}
