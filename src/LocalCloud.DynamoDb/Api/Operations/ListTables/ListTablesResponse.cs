namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape ListTablesResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class ListTablesResponse
{
    public List<string>? TableNames { get; init; }

    public string? LastEvaluatedTableName { get; init; }
}
