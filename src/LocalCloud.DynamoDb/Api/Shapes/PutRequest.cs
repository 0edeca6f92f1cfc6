using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape PutRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class PutRequest
{
    public Dictionary<string, AttributeValue>? Item { get; init; }
}
