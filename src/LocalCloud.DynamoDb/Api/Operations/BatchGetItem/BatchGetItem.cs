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
/// BatchGetItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html):
/// up to 100 keys over any tables, each read like GetItem (own 4 KB rounding, ConsistentRead per table).
/// A response stops at 16 MB; the keys not read then come back in UnprocessedKeys, as AWS does. Nothing
/// is throttled here, so below that limit UnprocessedKeys is always empty.
/// </summary>
internal sealed class BatchGetItem(DynamoDbBackend engine)
{
    private const int MaxKeys = 100;
    private const long MaxResponseBytes = 16L * 1024 * 1024;

    public Task<BatchGetItemResponse> HandleAsync(BatchGetItemRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        CapacityReports.CheckMode(request.ReturnConsumedCapacity);
        var requested = request.RequestItems ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull("requestItems"));
        if (requested.Count == 0)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.MemberLength("requestItems", "{}", 1, atMost: false));
        }
        if (requested.Values.Sum(k => k.Keys?.Count ?? 0) > MaxKeys)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.TooManyItems("BatchGetItem"));
        }
        var plans = requested.Select(kv => Plan(context, kv.Key, kv.Value)).ToList();

        var responses = new Dictionary<string, List<Item>>(StringComparer.Ordinal);
        var unprocessed = new Dictionary<string, KeysAndAttributes>(StringComparer.Ordinal);
        var capacity = new CapacityReports(isRead: true);
        long bytes = 0;
        foreach (var plan in plans)
        {
            var found = new List<Item>();
            responses[plan.RequestName] = found;
            var report = capacity.For(plan.Table.Definition);
            var consistent = plan.Request.ConsistentRead ?? false;
            var left = new List<Dictionary<string, AttributeValue>>();
            foreach (var key in plan.Keys)
            {
                var item = left.Count > 0 ? null : plan.Table.Get(key);
                var size = item is null ? 0 : ItemSize.Of(item);
                if (left.Count > 0 || bytes + size > MaxResponseBytes)
                {
                    left.Add(key);
                    continue;
                }
                bytes += size;
                report.TableUnits += CapacityUnits.Read(size, consistent);
                if (item is not null)
                {
                    found.Add(plan.Projection is null ? item : Projector.Project(item, plan.Projection));
                }
            }
            if (left.Count > 0)
            {
                unprocessed[plan.RequestName] = new KeysAndAttributes
                {
                    Keys = left,
                    AttributesToGet = plan.Request.AttributesToGet,
                    ConsistentRead = plan.Request.ConsistentRead,
                    ProjectionExpression = plan.Request.ProjectionExpression,
                    ExpressionAttributeNames = plan.Request.ExpressionAttributeNames,
                };
            }
        }
        capacity.Meter(engine.Usage);
        return Task.FromResult(new BatchGetItemResponse
        {
            Responses = responses,
            UnprocessedKeys = unprocessed,
            ConsumedCapacity = capacity.ToWire(request.ReturnConsumedCapacity),
        });
    }

    private TablePlan Plan(RequestContext context, string tableName, KeysAndAttributes? request)
    {
        var table = engine.Table(context, tableName);
        var keys = request?.Keys ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull($"requestItems.{tableName}.member.keys"));
        if (keys.Count == 0)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.MemberLength($"requestItems.{tableName}.member.keys", "[]", 1, atMost: false));
        }
        var seen = new HashSet<(AttributeValue, AttributeValue?)>();
        var validated = new List<Dictionary<string, AttributeValue>>();
        foreach (var key in keys)
        {
            ItemValidator.Key(key, table.Definition);
            if (!seen.Add(KeyIdentity(key, table.Definition.Key)))
            {
                throw AwsServiceException.Validation(DynamoDbErrors.DuplicateKeys);
            }
            validated.Add(key);
        }
        var projection = ReadSupport.Projection(request.ProjectionExpression, request.AttributesToGet, request.ExpressionAttributeNames);
        return new TablePlan(tableName, table, validated, request, projection);
    }

    /// <summary>What makes two keys the same item: the key attributes' values (AttributeValue compares by value).</summary>
    internal static (AttributeValue, AttributeValue?) KeyIdentity(IReadOnlyDictionary<string, AttributeValue> key, KeyDefinition schema)
        => (key[schema.HashName], schema.RangeName is null ? null : key[schema.RangeName]);

    private sealed record TablePlan(
        string RequestName,
        ITableStore Table,
        List<Dictionary<string, AttributeValue>> Keys,
        KeysAndAttributes Request,
        IReadOnlyList<IReadOnlyList<PathStep>>? Projection);
}
