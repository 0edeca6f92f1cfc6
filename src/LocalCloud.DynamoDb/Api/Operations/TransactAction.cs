using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// One action of a TransactWriteItems request, validated exactly as its single-item operation would be
/// (PutItem, UpdateItem, DeleteItem; ConditionCheck checks without writing). <see cref="Change"/> computes
/// the new item from the current one (null deletes); it is null for a ConditionCheck.
/// </summary>
internal sealed record TransactAction(
    ITableStore Table,
    Item Key,
    Condition? Condition,
    ExpressionScope Scope,
    string? ReturnOnFailure,
    Func<Item?, Item?>? Change)
{
    public static TransactAction From(DynamoDbBackend engine, RequestContext context, TransactWriteItem? action, int position)
    {
        var member = $"transactItems.{position}.member";
        return action switch
        {
            { Put: { } put, Update: null, Delete: null, ConditionCheck: null } => Put(engine.Table(context, put.TableName), put),
            { Update: { } update, Put: null, Delete: null, ConditionCheck: null } => Update(engine.Table(context, update.TableName), update, member),
            { Delete: { } delete, Put: null, Update: null, ConditionCheck: null } => Delete(engine.Table(context, delete.TableName), delete),
            { ConditionCheck: { } check, Put: null, Update: null, Delete: null } => Check(engine.Table(context, check.TableName), check, member),
            _ => throw AwsServiceException.Validation("TransactItems can only contain one of Check, Put, Update or Delete"),
        };
    }

    private static TransactAction Put(ITableStore table, Put put)
    {
        ItemValidator.Item(put.Item, table.Definition);
        var item = put.Item!;
        var (condition, scope) = Guard(put.ConditionExpression, put.ExpressionAttributeNames, put.ExpressionAttributeValues, put.ReturnValuesOnConditionCheckFailure, null);
        return new TransactAction(table, table.Definition.Key.Extract(item)!, condition, scope, put.ReturnValuesOnConditionCheckFailure, _ => item);
    }

    private static TransactAction Update(ITableStore table, Update update, string member)
    {
        var key = ItemValidator.Key(update.Key, table.Definition);
        if (update.UpdateExpression is null)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.MemberNull($"{member}.update.updateExpression"));
        }
        var clauses = ExpressionParser.ParseUpdate(update.UpdateExpression);
        var (condition, scope) = Guard(update.ConditionExpression, update.ExpressionAttributeNames, update.ExpressionAttributeValues, update.ReturnValuesOnConditionCheckFailure,
            s => ExpressionValidator.Update(clauses, s, table.Definition.Key));
        var evaluator = new ExpressionEvaluator(scope, ExpressionKind.UpdateExpression);
        return new TransactAction(table, key, condition, scope, update.ReturnValuesOnConditionCheckFailure, old =>
        {
            var updated = UpdateApplier.Apply(old ?? key, clauses, evaluator);
            ItemValidator.Item(updated, table.Definition, DynamoDbErrors.UpdatedItemTooLarge);
            return updated;
        });
    }

    private static TransactAction Delete(ITableStore table, Delete delete)
    {
        var key = ItemValidator.Key(delete.Key, table.Definition);
        var (condition, scope) = Guard(delete.ConditionExpression, delete.ExpressionAttributeNames, delete.ExpressionAttributeValues, delete.ReturnValuesOnConditionCheckFailure, null);
        return new TransactAction(table, key, condition, scope, delete.ReturnValuesOnConditionCheckFailure, _ => null);
    }

    private static TransactAction Check(ITableStore table, ConditionCheck check, string member)
    {
        var key = ItemValidator.Key(check.Key, table.Definition);
        if (check.ConditionExpression is null)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.MemberNull($"{member}.conditionCheck.conditionExpression"));
        }
        var (condition, scope) = Guard(check.ConditionExpression, check.ExpressionAttributeNames, check.ExpressionAttributeValues, check.ReturnValuesOnConditionCheckFailure, null);
        return new TransactAction(table, key, condition, scope, check.ReturnValuesOnConditionCheckFailure, null);
    }

    private static (Condition? Condition, ExpressionScope Scope) Guard(
        string? expression,
        Dictionary<string, string>? names,
        Dictionary<string, Model.AttributeValue>? values,
        string? returnOnFailure,
        Action<ExpressionScope>? validateUpdate)
    {
        WriteSupport.CheckReturnValues(returnOnFailure, "NONE", "ALL_OLD");
        WriteSupport.RequireExpressionsForPlaceholders(expression is not null || validateUpdate is not null, names, values);
        var scope = new ExpressionScope(names, values);
        validateUpdate?.Invoke(scope);
        var condition = WriteSupport.ParseCondition(expression, scope);
        scope.EnsureAllUsed();
        return (condition, scope);
    }
}
