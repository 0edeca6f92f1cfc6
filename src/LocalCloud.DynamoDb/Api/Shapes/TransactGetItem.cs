namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape TransactGetItem of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class TransactGetItem
{
    public Get? Get { get; init; }
}
