using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// Query (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html) on a
/// table or a secondary index: one partition, sort-key order (ScanIndexForward), paging, filter,
/// projection, Select COUNT.
/// </summary>
internal sealed class Query(DynamoDbBackend engine)
{
    public Task<QueryResponse> HandleAsync(QueryRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var table = engine.Table(context, request.TableName);
        ReadRequest.RejectLegacy(request.KeyConditions, "KeyConditions");
        ReadRequest.RejectLegacy(request.QueryFilter, "QueryFilter");
        var index = ReadRequest.Index(table, request.IndexName, request.ConsistentRead);
        var countOnly = ReadRequest.CountOnly(request.Select, request.ProjectionExpression, index);
        if (request.KeyConditionExpression is null)
        {
            throw AwsServiceException.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        var scope = new ExpressionScope(request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var keyExpression = ExpressionParser.ParseCondition(request.KeyConditionExpression, ExpressionKind.KeyConditionExpression);
        ExpressionValidator.Condition(keyExpression, scope, ExpressionKind.KeyConditionExpression);
        var filter = ReadRequest.Filter(request.FilterExpression, scope);
        var projection = ReadRequest.Projection(request.ProjectionExpression, request.AttributesToGet, scope);
        scope.EnsureAllUsed();
        var keyCondition = KeyCondition.Analyse(keyExpression, index?.Key ?? table.Definition.Key, scope);

        var evaluator = new ExpressionEvaluator(scope, ExpressionKind.FilterExpression);
        var keyEvaluator = new ExpressionEvaluator(scope, ExpressionKind.KeyConditionExpression);
        var forward = request.ScanIndexForward ?? true;
        var rangeName = (index?.Key ?? table.Definition.Key).RangeName;
        var reader = new PageReader(table, index);
        // Read in place under the table's lock: a page of ten items no longer copies the whole partition.
        var page = table.ReadPartition(index?.Name, keyCondition.HashValue, items => reader.Read(
            keyCondition.Matching(forward ? items : items.Reverse(), forward, rangeName, keyEvaluator),
            forward, request.ExclusiveStartKey, request.Limit, filter, evaluator, projection, countOnly, request.ConsistentRead ?? false));
        page.Capacity.Meter(engine.Usage);
        return Task.FromResult(new QueryResponse
        {
            Items = page.Items,
            Count = page.Count,
            ScannedCount = page.ScannedCount,
            LastEvaluatedKey = page.LastEvaluatedKey,
            ConsumedCapacity = page.Capacity.ToWire(request.ReturnConsumedCapacity),
        });
    }
}
