using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape DeleteTableResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class DeleteTableResponse
{
    public TableDescription? TableDescription { get; init; }
}
