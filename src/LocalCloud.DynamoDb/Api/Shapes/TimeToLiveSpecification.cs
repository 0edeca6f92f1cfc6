namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape TimeToLiveSpecification of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class TimeToLiveSpecification
{
    public bool? Enabled { get; init; }

    public string? AttributeName { get; init; }
}
