using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape BatchGetItemRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class BatchGetItemRequest
{
    public Dictionary<string, KeysAndAttributes>? RequestItems { get; init; }

    public string? ReturnConsumedCapacity { get; init; }
}
