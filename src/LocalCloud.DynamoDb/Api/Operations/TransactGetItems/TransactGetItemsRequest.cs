using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape TransactGetItemsRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class TransactGetItemsRequest
{
    public List<TransactGetItem>? TransactItems { get; init; }

    public string? ReturnConsumedCapacity { get; init; }
}
