namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape Endpoint of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class Endpoint
{
    public string? Address { get; init; }

    public long CachePeriodInMinutes { get; init; }
}
