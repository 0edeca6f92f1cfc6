namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape CreateGlobalSecondaryIndexAction of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class CreateGlobalSecondaryIndexAction
{
    public string? IndexName { get; init; }

    public List<KeySchemaElement>? KeySchema { get; init; }

    public Projection? Projection { get; init; }

    public ProvisionedThroughput? ProvisionedThroughput { get; init; }
}
