namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape Tag of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class Tag
{
    public string? Key { get; init; }

    public string? Value { get; init; }
}
