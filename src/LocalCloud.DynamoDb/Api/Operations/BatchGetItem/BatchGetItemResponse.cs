using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape BatchGetItemResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class BatchGetItemResponse
{
    public Dictionary<string, List<Item>>? Responses { get; init; }

    public Dictionary<string, KeysAndAttributes>? UnprocessedKeys { get; init; }

    public List<ConsumedCapacity>? ConsumedCapacity { get; init; }
}
