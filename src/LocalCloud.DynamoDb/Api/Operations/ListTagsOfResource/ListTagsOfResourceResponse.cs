using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape ListTagsOfResourceResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class ListTagsOfResourceResponse
{
    public List<Tag>? Tags { get; init; }

    public string? NextToken { get; init; }
}
