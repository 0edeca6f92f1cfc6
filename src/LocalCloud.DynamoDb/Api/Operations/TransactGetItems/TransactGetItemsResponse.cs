using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape TransactGetItemsResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class TransactGetItemsResponse
{
    public List<ConsumedCapacity>? ConsumedCapacity { get; init; }

    public List<ItemResponse>? Responses { get; init; }
}
