using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape ConditionCheck of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class ConditionCheck
{
    public Dictionary<string, AttributeValue>? Key { get; init; }

    public string? TableName { get; init; }

    public string? ConditionExpression { get; init; }

    public Dictionary<string, string>? ExpressionAttributeNames { get; init; }

    public Dictionary<string, AttributeValue>? ExpressionAttributeValues { get; init; }

    public string? ReturnValuesOnConditionCheckFailure { get; init; }
}
