using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape CreateTableRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class CreateTableRequest
{
    public List<AttributeDefinition>? AttributeDefinitions { get; init; }

    public string? TableName { get; init; }

    public List<KeySchemaElement>? KeySchema { get; init; }

    public List<LocalSecondaryIndex>? LocalSecondaryIndexes { get; init; }

    public List<GlobalSecondaryIndex>? GlobalSecondaryIndexes { get; init; }

    public string? BillingMode { get; init; }

    public ProvisionedThroughput? ProvisionedThroughput { get; init; }

    public bool? DeletionProtectionEnabled { get; init; }

    public List<Tag>? Tags { get; init; }
}
