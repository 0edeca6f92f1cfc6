namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape Capacity of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class Capacity
{
    public double? ReadCapacityUnits { get; init; }

    public double? WriteCapacityUnits { get; init; }

    public double CapacityUnits { get; init; }
}
