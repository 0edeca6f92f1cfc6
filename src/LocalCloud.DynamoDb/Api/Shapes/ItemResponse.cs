namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape ItemResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class ItemResponse
{
    public Item? Item { get; init; }
}
