namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape TimeToLiveDescription of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class TimeToLiveDescription
{
    public string? TimeToLiveStatus { get; init; }

    public string? AttributeName { get; init; }
}
