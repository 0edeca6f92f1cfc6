namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape Projection of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class Projection
{
    public string? ProjectionType { get; init; }

    public List<string>? NonKeyAttributes { get; init; }
}
