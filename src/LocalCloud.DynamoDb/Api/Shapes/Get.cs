using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape Get of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class Get
{
    public Dictionary<string, AttributeValue>? Key { get; init; }

    public string? TableName { get; init; }

    public string? ProjectionExpression { get; init; }

    public Dictionary<string, string>? ExpressionAttributeNames { get; init; }
}
