using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>DescribeTable (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html).</summary>
internal sealed class DescribeTable(DynamoDbBackend engine)
{
    public Task<DescribeTableResponse> HandleAsync(DescribeTableRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        DynamoDbBackend.RequireTableName(request.TableName);
        var table = engine.Store(context).Open(request.TableName!)
            ?? throw DynamoDbErrors.NotFound(DynamoDbErrors.TableNotFound(request.TableName!));
        return Task.FromResult(new DescribeTableResponse { Table = TableDescriptions.From(table, "ACTIVE") });
    }
}
