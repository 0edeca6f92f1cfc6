namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape ListTagsOfResourceRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class ListTagsOfResourceRequest
{
    public string? ResourceArn { get; init; }

    public string? NextToken { get; init; }
}
