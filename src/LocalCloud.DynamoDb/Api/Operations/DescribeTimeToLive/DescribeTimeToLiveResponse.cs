using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape DescribeTimeToLiveResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class DescribeTimeToLiveResponse
{
    public TimeToLiveDescription? TimeToLiveDescription { get; init; }
}
