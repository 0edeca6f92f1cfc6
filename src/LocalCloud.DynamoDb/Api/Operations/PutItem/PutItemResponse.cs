using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape PutItemResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class PutItemResponse
{
    public Item? Attributes { get; init; }

    public ConsumedCapacity? ConsumedCapacity { get; init; }
}
