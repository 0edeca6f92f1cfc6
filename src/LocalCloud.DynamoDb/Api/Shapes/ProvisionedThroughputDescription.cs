namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape ProvisionedThroughputDescription of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class ProvisionedThroughputDescription
{
    public long NumberOfDecreasesToday { get; init; }

    public long ReadCapacityUnits { get; init; }

    public long WriteCapacityUnits { get; init; }
}
