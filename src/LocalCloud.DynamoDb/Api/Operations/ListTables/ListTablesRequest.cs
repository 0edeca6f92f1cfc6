namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape ListTablesRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class ListTablesRequest
{
    public string? ExclusiveStartTableName { get; init; }

    public int? Limit { get; init; }
}
