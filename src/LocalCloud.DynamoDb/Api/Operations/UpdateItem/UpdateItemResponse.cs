using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape UpdateItemResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class UpdateItemResponse
{
    public Item? Attributes { get; init; }

    public ConsumedCapacity? ConsumedCapacity { get; init; }
}
