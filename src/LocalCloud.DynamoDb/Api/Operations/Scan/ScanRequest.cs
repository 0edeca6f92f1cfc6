using System.Text.Json;
using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape ScanRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class ScanRequest
{
    public string? TableName { get; init; }

    public string? IndexName { get; init; }

    public string? Select { get; init; }

    public int? Limit { get; init; }

    public bool? ConsistentRead { get; init; }

    public Dictionary<string, AttributeValue>? ExclusiveStartKey { get; init; }

    public string? ReturnConsumedCapacity { get; init; }

    public int? Segment { get; init; }

    public int? TotalSegments { get; init; }

    public string? ProjectionExpression { get; init; }

    public string? FilterExpression { get; init; }

    public Dictionary<string, string>? ExpressionAttributeNames { get; init; }

    public Dictionary<string, AttributeValue>? ExpressionAttributeValues { get; init; }

    public List<string>? AttributesToGet { get; init; }

    public JsonElement? ScanFilter { get; init; }

    public string? ConditionalOperator { get; init; }
}
