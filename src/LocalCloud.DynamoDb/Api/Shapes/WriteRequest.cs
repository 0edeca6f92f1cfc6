namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape WriteRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class WriteRequest
{
    public PutRequest? PutRequest { get; init; }

    public DeleteRequest? DeleteRequest { get; init; }
}
