using System.Text.Json;
using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape DeleteItemRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class DeleteItemRequest
{
    public string? TableName { get; init; }

    public Dictionary<string, AttributeValue>? Key { get; init; }

    public string? ConditionExpression { get; init; }

    public Dictionary<string, string>? ExpressionAttributeNames { get; init; }

    public Dictionary<string, AttributeValue>? ExpressionAttributeValues { get; init; }

    public string? ReturnValues { get; init; }

    public string? ReturnConsumedCapacity { get; init; }

    public string? ReturnValuesOnConditionCheckFailure { get; init; }

    public JsonElement? Expected { get; init; }

    public string? ConditionalOperator { get; init; }
}
