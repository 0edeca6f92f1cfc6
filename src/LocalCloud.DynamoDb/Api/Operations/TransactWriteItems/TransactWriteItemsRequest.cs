using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape TransactWriteItemsRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class TransactWriteItemsRequest
{
    public List<TransactWriteItem>? TransactItems { get; init; }

    public string? ReturnConsumedCapacity { get; init; }

    public string? ReturnItemCollectionMetrics { get; init; }

    public string? ClientRequestToken { get; init; }
}
