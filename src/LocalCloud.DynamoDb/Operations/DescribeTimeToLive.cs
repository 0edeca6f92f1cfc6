using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;

namespace LocalCloud.DynamoDb.Operations;

/// <summary>DescribeTimeToLive (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTimeToLive.html): ENABLED or DISABLED, never the transitional states.</summary>
internal sealed class DescribeTimeToLive(DynamoDbEngine engine)
{
    public Task<DescribeTimeToLiveResponse> HandleAsync(DescribeTimeToLiveRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        DynamoDbEngine.RequireTableName(request.TableName);
        var table = engine.Store(context).Open(DynamoDbEngine.TableNameOf(request.TableName!))
            ?? throw DynamoDbMessages.NotFound(DynamoDbMessages.TableNotFound(request.TableName!));
        var attribute = table.Definition.TimeToLiveAttribute;
        return Task.FromResult(new DescribeTimeToLiveResponse
        {
            TimeToLiveDescription = new TimeToLiveDescription { TimeToLiveStatus = attribute is null ? "DISABLED" : "ENABLED", AttributeName = attribute },
        });
    }
}
