using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape GetItemRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class GetItemRequest
{
    public string? TableName { get; init; }

    public Dictionary<string, AttributeValue>? Key { get; init; }

    public bool? ConsistentRead { get; init; }

    public string? ProjectionExpression { get; init; }

    public Dictionary<string, string>? ExpressionAttributeNames { get; init; }

    public List<string>? AttributesToGet { get; init; }

    public string? ReturnConsumedCapacity { get; init; }
}
