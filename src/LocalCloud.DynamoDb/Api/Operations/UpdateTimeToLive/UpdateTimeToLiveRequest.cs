using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape UpdateTimeToLiveRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class UpdateTimeToLiveRequest
{
    public string? TableName { get; init; }

    public TimeToLiveSpecification? TimeToLiveSpecification { get; init; }
}
