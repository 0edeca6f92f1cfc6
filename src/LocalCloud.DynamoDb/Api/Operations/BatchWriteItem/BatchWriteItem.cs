using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Metering;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// BatchWriteItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html):
/// up to 25 puts and deletes over any tables. The whole request is validated first (a bad request
/// writes nothing); then each write is applied on its own, not as a transaction, exactly as a PutItem
/// or DeleteItem without condition. Nothing is throttled here, so UnprocessedItems is always empty.
/// </summary>
internal sealed class BatchWriteItem(DynamoDbBackend engine)
{
    private const int MaxRequests = 25;

    public Task<BatchWriteItemResponse> HandleAsync(BatchWriteItemRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        CapacityReports.CheckMode(request.ReturnConsumedCapacity);
        var requested = request.RequestItems ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull("requestItems"));
        if (requested.Count == 0)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.MemberLength("requestItems", "{}", 1, atMost: false));
        }
        foreach (var (tableName, writes) in requested)
        {
            if (writes is null or { Count: 0 } or { Count: > MaxRequests })
            {
                throw AwsServiceException.Validation(
                    $"1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to {MaxRequests}, Member must have length greater than or equal to 1] (table {tableName})");
            }
        }
        if (requested.Values.Sum(w => w.Count) > MaxRequests)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.TooManyItems("BatchWriteItem"));
        }

        var plan = new List<(ITableStore Table, Item Key, Item? Item)>();
        foreach (var (tableName, writes) in requested)
        {
            var table = engine.Table(context, tableName);
            var seen = new HashSet<(AttributeValue, AttributeValue?)>();
            foreach (var write in writes)
            {
                var (key, item) = Validate(write, table.Definition);
                if (!seen.Add(BatchGetItem.KeyIdentity(key, table.Definition.Key)))
                {
                    throw AwsServiceException.Validation(DynamoDbErrors.DuplicateKeys);
                }
                plan.Add((table, key, item));
            }
        }

        var capacity = new CapacityReports(isRead: false);
        foreach (var (table, key, item) in plan)
        {
            WriteSupport.Charge(capacity.For(table.Definition), table.Write(key, _ => item), 1);
        }
        capacity.Meter(engine.Usage);
        return Task.FromResult(new BatchWriteItemResponse
        {
            UnprocessedItems = [],
            ConsumedCapacity = capacity.ToWire(request.ReturnConsumedCapacity),
        });
    }

    private static (Item Key, Item? Item) Validate(WriteRequest? write, TableDefinition table)
    {
        switch (write)
        {
            case { PutRequest: { } put, DeleteRequest: null }:
                ItemValidator.Item(put.Item, table);
                return (table.Key.Extract(put.Item!)!, put.Item);
            case { DeleteRequest: { } delete, PutRequest: null }:
                return (ItemValidator.Key(delete.Key, table), null);
            default:
                throw AwsServiceException.Validation("Supplied WriteRequest must contain exactly one of PutRequest or DeleteRequest");
        }
    }
}
