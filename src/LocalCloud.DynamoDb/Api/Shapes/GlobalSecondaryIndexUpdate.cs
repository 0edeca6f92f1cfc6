namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape GlobalSecondaryIndexUpdate of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class GlobalSecondaryIndexUpdate
{
    public UpdateGlobalSecondaryIndexAction? Update { get; init; }

    public CreateGlobalSecondaryIndexAction? Create { get; init; }

    public DeleteGlobalSecondaryIndexAction? Delete { get; init; }
}
