using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Metering;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// TransactGetItems (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html):
/// up to 100 reads taken together under every involved table's lock, so they see one consistent state
/// (never half of a concurrent TransactWriteItems). Responses keep the request's order; a missing item is an
/// empty entry. Each item costs two read units per 4 KB, as AWS bills transactional reads.
/// </summary>
internal sealed class TransactGetItems(DynamoDbBackend engine)
{
    private const int MaxActions = 100;

    public Task<TransactGetItemsResponse> HandleAsync(TransactGetItemsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        CapacityReports.CheckMode(request.ReturnConsumedCapacity);
        var items = request.TransactItems ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull("transactItems"));
        if (items.Count is 0 or > MaxActions)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.MemberLength("transactItems", $"{items.Count} elements", items.Count == 0 ? 1 : MaxActions, atMost: items.Count > 0));
        }
        var reads = new List<(ITableStore Table, Item Key, IReadOnlyList<IReadOnlyList<PathStep>>? Projection)>();
        for (var i = 0; i < items.Count; i++)
        {
            var get = items[i]?.Get ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull($"transactItems.{i + 1}.member.get"));
            var table = engine.Table(context, get.TableName);
            var key = ItemValidator.Key(get.Key, table.Definition);
            reads.Add((table, key, ReadSupport.Projection(get.ProjectionExpression, null, get.ExpressionAttributeNames)));
        }
        TransactWriteItems.RejectSecondActionOnOneItem(reads.Select(r => (r.Table, r.Key)));

        var capacity = new CapacityReports(isRead: true);
        var responses = new List<ItemResponse>();
        using (TableLocks.Acquire(reads.Select(r => r.Table)))
        {
            foreach (var (table, key, projection) in reads)
            {
                var item = table.Get(key);
                capacity.For(table.Definition).TableUnits += 2 * CapacityUnits.Read(item is null ? 0 : ItemSize.Of(item), consistent: true);
                responses.Add(new ItemResponse { Item = item is null ? null : projection is null ? item : Projector.Project(item, projection) });
            }
        }
        capacity.Meter(engine.Usage);
        return Task.FromResult(new TransactGetItemsResponse { Responses = responses, ConsumedCapacity = capacity.ToWire(request.ReturnConsumedCapacity) });
    }
}
