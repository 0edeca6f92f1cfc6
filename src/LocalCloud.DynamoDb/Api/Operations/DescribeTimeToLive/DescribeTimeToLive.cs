using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>DescribeTimeToLive (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTimeToLive.html): ENABLED or DISABLED, never the transitional states.</summary>
internal sealed class DescribeTimeToLive(DynamoDbBackend engine)
{
    public Task<DescribeTimeToLiveResponse> HandleAsync(DescribeTimeToLiveRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        DynamoDbBackend.RequireTableName(request.TableName);
        var table = engine.Store(context).Open(DynamoDbBackend.TableNameOf(request.TableName!))
            ?? throw DynamoDbErrors.NotFound(DynamoDbErrors.TableNotFound(request.TableName!));
        var attribute = table.Definition.TimeToLiveAttribute;
        return Task.FromResult(new DescribeTimeToLiveResponse
        {
            TimeToLiveDescription = new TimeToLiveDescription { TimeToLiveStatus = attribute is null ? "DISABLED" : "ENABLED", AttributeName = attribute },
        });
    }
}
