namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape UntagResourceRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class UntagResourceRequest
{
    public string? ResourceArn { get; init; }

    public List<string>? TagKeys { get; init; }
}
