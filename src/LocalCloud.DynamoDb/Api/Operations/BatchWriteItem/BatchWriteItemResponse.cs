using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape BatchWriteItemResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class BatchWriteItemResponse
{
    public Dictionary<string, List<WriteRequest>>? UnprocessedItems { get; init; }

    public List<ConsumedCapacity>? ConsumedCapacity { get; init; }
}
