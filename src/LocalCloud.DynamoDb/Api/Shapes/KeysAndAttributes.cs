using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape KeysAndAttributes of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class KeysAndAttributes
{
    public List<Dictionary<string, AttributeValue>>? Keys { get; init; }

    public List<string>? AttributesToGet { get; init; }

    public bool? ConsistentRead { get; init; }

    public string? ProjectionExpression { get; init; }

    public Dictionary<string, string>? ExpressionAttributeNames { get; init; }
}
