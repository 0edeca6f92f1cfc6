using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>DeleteItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html): ReturnValues NONE or ALL_OLD.</summary>
internal sealed class DeleteItem(DynamoDbBackend engine)
{
    public Task<DeleteItemResponse> HandleAsync(DeleteItemRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var table = engine.Table(context, request.TableName);
        WriteSupport.RejectLegacy(request.Expected, "Expected");
        WriteSupport.CheckReturnValues(request.ReturnValues, "NONE", "ALL_OLD");
        var key = ItemValidator.Key(request.Key, table.Definition);
        WriteSupport.RequireExpressionsForPlaceholders(request.ConditionExpression is not null, request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var scope = new ExpressionScope(request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var condition = WriteSupport.ParseCondition(request.ConditionExpression, scope);
        scope.EnsureAllUsed();

        var (write, capacity) = WriteSupport.Execute(engine, table, key, condition, scope, request.ReturnValuesOnConditionCheckFailure, _ => null);
        return Task.FromResult(new DeleteItemResponse
        {
            Attributes = request.ReturnValues == "ALL_OLD" ? write.Old : null,
            ConsumedCapacity = capacity.ToWire(request.ReturnConsumedCapacity),
        });
    }
}
