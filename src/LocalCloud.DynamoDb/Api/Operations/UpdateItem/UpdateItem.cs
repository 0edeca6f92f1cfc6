using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// UpdateItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html):
/// creates the item when absent (an upsert), applies the UpdateExpression to the current item
/// inside the table's write lock, and answers any of the five ReturnValues.
/// </summary>
internal sealed class UpdateItem(DynamoDbBackend engine)
{
    public Task<UpdateItemResponse> HandleAsync(UpdateItemRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var table = engine.Table(context, request.TableName);
        WriteSupport.RejectLegacy(request.Expected, "Expected");
        WriteSupport.RejectLegacy(request.AttributeUpdates, "AttributeUpdates");
        WriteSupport.CheckReturnValues(request.ReturnValues, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
        var key = ItemValidator.Key(request.Key, table.Definition);
        WriteSupport.RequireExpressionsForPlaceholders(request.ConditionExpression is not null || request.UpdateExpression is not null,
            request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var scope = new ExpressionScope(request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        IReadOnlyList<UpdateClause> clauses = [];
        IReadOnlyList<IReadOnlyList<PathStep>> paths = [];
        if (request.UpdateExpression is not null)
        {
            clauses = ExpressionParser.ParseUpdate(request.UpdateExpression);
            paths = ExpressionValidator.Update(clauses, scope, table.Definition.Key);
        }
        var condition = WriteSupport.ParseCondition(request.ConditionExpression, scope);
        scope.EnsureAllUsed();

        var evaluator = new ExpressionEvaluator(scope, ExpressionKind.UpdateExpression);
        var (write, capacity) = WriteSupport.Execute(engine, table, key, condition, scope, request.ReturnValuesOnConditionCheckFailure, old =>
        {
            var updated = UpdateApplier.Apply(old ?? key, clauses, evaluator);
            ItemValidator.Item(updated, table.Definition, DynamoDbErrors.UpdatedItemTooLarge);
            return updated;
        });
        return Task.FromResult(new UpdateItemResponse
        {
            Attributes = request.ReturnValues switch
            {
                "ALL_OLD" => write.Old,
                "ALL_NEW" => write.New,
                "UPDATED_OLD" => write.Old is null ? null : NullIfEmpty(Projector.Project(write.Old, paths)),
                "UPDATED_NEW" => NullIfEmpty(Projector.Project(write.New!, paths)),
                _ => null,
            },
            ConsumedCapacity = capacity.ToWire(request.ReturnConsumedCapacity),
        });
    }

    private static Item? NullIfEmpty(Item item) => item.Count == 0 ? null : item;
}
