namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape AttributeDefinition of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class AttributeDefinition
{
    public string? AttributeName { get; init; }

    public string? AttributeType { get; init; }
}
