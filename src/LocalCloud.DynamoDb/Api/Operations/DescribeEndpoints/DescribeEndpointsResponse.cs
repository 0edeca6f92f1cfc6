using LocalCloud.DynamoDb.Api.Shapes;
namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape DescribeEndpointsResponse of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class DescribeEndpointsResponse
{
    public List<Endpoint>? Endpoints { get; init; }
}
