using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape BatchWriteItemRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class BatchWriteItemRequest
{
    public Dictionary<string, List<WriteRequest>>? RequestItems { get; init; }

    public string? ReturnConsumedCapacity { get; init; }

    public string? ReturnItemCollectionMetrics { get; init; }
}
