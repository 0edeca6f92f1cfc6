namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape UpdateGlobalSecondaryIndexAction of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class UpdateGlobalSecondaryIndexAction
{
    public string? IndexName { get; init; }

    public ProvisionedThroughput? ProvisionedThroughput { get; init; }
}
