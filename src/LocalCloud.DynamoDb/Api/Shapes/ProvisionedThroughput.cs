namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape ProvisionedThroughput of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class ProvisionedThroughput
{
    public long? ReadCapacityUnits { get; init; }

    public long? WriteCapacityUnits { get; init; }
}
