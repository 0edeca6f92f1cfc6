using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Metering;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// GetItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html).
/// Capacity is charged on the whole item's size, whatever the projection, and at least one unit
/// (half for eventually consistent) even when nothing is found.
/// </summary>
internal sealed class GetItem(DynamoDbBackend engine)
{
    public Task<GetItemResponse> HandleAsync(GetItemRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var table = engine.Table(context, request.TableName);
        var key = ItemValidator.Key(request.Key, table.Definition);
        var projection = ReadSupport.Projection(request.ProjectionExpression, request.AttributesToGet, request.ExpressionAttributeNames);

        var item = table.Get(key);
        var consistent = request.ConsistentRead ?? false;
        var capacity = new CapacityReport(table.Definition, isRead: true) { TableUnits = CapacityUnits.Read(item is null ? 0 : ItemSize.Of(item), consistent) };
        capacity.Meter(engine.Usage);
        return Task.FromResult(new GetItemResponse
        {
            Item = item is null ? null : projection is null ? item : Projector.Project(item, projection),
            ConsumedCapacity = capacity.ToWire(request.ReturnConsumedCapacity),
        });
    }
}
