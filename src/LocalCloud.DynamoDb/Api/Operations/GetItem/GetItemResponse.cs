using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape GetItemResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class GetItemResponse
{
    public Item? Item { get; init; }

    public ConsumedCapacity? ConsumedCapacity { get; init; }
}
