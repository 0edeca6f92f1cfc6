namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape DescribeTimeToLiveRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class DescribeTimeToLiveRequest
{
    public string? TableName { get; init; }
}
