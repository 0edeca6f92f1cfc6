using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape DeleteRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class DeleteRequest
{
    public Dictionary<string, AttributeValue>? Key { get; init; }
}
