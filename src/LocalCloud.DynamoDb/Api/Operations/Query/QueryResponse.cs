using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape QueryResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class QueryResponse
{
    public List<Item>? Items { get; init; }

    public int Count { get; init; }

    public int ScannedCount { get; init; }

    public Item? LastEvaluatedKey { get; init; }

    public ConsumedCapacity? ConsumedCapacity { get; init; }
}
