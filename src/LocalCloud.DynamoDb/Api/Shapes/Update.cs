using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape Update of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class Update
{
    public Dictionary<string, AttributeValue>? Key { get; init; }

    public string? UpdateExpression { get; init; }

    public string? TableName { get; init; }

    public string? ConditionExpression { get; init; }

    public Dictionary<string, string>? ExpressionAttributeNames { get; init; }

    public Dictionary<string, AttributeValue>? ExpressionAttributeValues { get; init; }

    public string? ReturnValuesOnConditionCheckFailure { get; init; }
}
