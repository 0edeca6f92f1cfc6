namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape DeleteGlobalSecondaryIndexAction of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class DeleteGlobalSecondaryIndexAction
{
    public string? IndexName { get; init; }
}
