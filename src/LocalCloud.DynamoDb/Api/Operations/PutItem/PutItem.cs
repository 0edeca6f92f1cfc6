using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>PutItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html): ReturnValues NONE or ALL_OLD.</summary>
internal sealed class PutItem(DynamoDbBackend engine)
{
    public Task<PutItemResponse> HandleAsync(PutItemRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var table = engine.Table(context, request.TableName);
        WriteSupport.RejectLegacy(request.Expected, "Expected");
        WriteSupport.CheckReturnValues(request.ReturnValues, "NONE", "ALL_OLD");
        ItemValidator.Item(request.Item, table.Definition);
        WriteSupport.RequireExpressionsForPlaceholders(request.ConditionExpression is not null, request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var scope = new ExpressionScope(request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var condition = WriteSupport.ParseCondition(request.ConditionExpression, scope);
        scope.EnsureAllUsed();

        var item = request.Item!;
        var key = table.Definition.Key.Extract(item)!;
        var (write, capacity) = WriteSupport.Execute(engine, table, key, condition, scope, request.ReturnValuesOnConditionCheckFailure, _ => item);
        return Task.FromResult(new PutItemResponse
        {
            Attributes = request.ReturnValues == "ALL_OLD" ? write.Old : null,
            ConsumedCapacity = capacity.ToWire(request.ReturnConsumedCapacity),
        });
    }
}
