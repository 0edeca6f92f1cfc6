namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape DescribeTableRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class DescribeTableRequest
{
    public string? TableName { get; init; }
}
