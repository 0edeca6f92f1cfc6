using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape TagResourceRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class TagResourceRequest
{
    public string? ResourceArn { get; init; }

    public List<Tag>? Tags { get; init; }
}
