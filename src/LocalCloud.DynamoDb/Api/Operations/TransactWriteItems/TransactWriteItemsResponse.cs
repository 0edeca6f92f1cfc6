using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape TransactWriteItemsResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class TransactWriteItemsResponse
{
    public List<ConsumedCapacity>? ConsumedCapacity { get; init; }
}
