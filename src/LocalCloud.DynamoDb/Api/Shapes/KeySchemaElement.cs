namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape KeySchemaElement of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class KeySchemaElement
{
    public string? AttributeName { get; init; }

    public string? KeyType { get; init; }
}
