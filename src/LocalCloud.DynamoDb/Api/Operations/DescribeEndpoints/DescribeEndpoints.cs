using LocalCloud.Core;
using LocalCloud.DynamoDb.Api.Shapes;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// DescribeEndpoints (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeEndpoints.html):
/// AWS's answer, the regional endpoint cached for a day. SDKs skip endpoint discovery when pointed at a
/// custom endpoint such as LocalCloud, so the address matters only to callers that ask explicitly.
/// </summary>
internal static class DescribeEndpoints
{
    public static Task<DescribeEndpointsResponse> HandleAsync(DescribeEndpointsRequest request, RequestContext context, CancellationToken cancellationToken)
        => Task.FromResult(new DescribeEndpointsResponse
        {
            Endpoints = [new Endpoint { Address = $"dynamodb.{context.Region}.amazonaws.com", CachePeriodInMinutes = 1440 }],
        });
}
