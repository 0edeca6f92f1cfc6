using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Metering;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>The steps PutItem, UpdateItem and DeleteItem share: condition check, atomic write, capacity.</summary>
internal static class WriteSupport
{
    private static readonly Item NoItem = new Dictionary<string, AttributeValue>();

    public static Condition? ParseCondition(string? expression, ExpressionScope scope)
    {
        if (expression is null)
        {
            return null;
        }
        var condition = ExpressionParser.ParseCondition(expression, ExpressionKind.ConditionExpression);
        ExpressionValidator.Condition(condition, scope, ExpressionKind.ConditionExpression);
        return condition;
    }

    public static void RejectLegacy(object? parameter, string name)
    {
        if (parameter is not null)
        {
            throw AwsServiceException.Validation($"LocalCloud supports expressions only; the legacy parameter {name} is not implemented. Use the matching *Expression parameter.");
        }
    }

    public static void RequireExpressionsForPlaceholders(bool anyExpression, IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttributeValue>? values)
    {
        if (!anyExpression && names is not null)
        {
            throw AwsServiceException.Validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (!anyExpression && values is not null)
        {
            throw AwsServiceException.Validation("ExpressionAttributeValues can only be specified when using expressions");
        }
    }

    public static void CheckReturnValues(string? returnValues, params string[] allowed)
    {
        if (returnValues is not null && !allowed.Contains(returnValues))
        {
            throw AwsServiceException.Validation(DynamoDbErrors.ReturnValuesInvalid);
        }
    }

    /// <summary>
    /// Runs the write atomically. A failed condition still costs write units, as on AWS, and
    /// carries the old item when ReturnValuesOnConditionCheckFailure is ALL_OLD.
    /// </summary>
    public static (ItemWrite Write, CapacityReport Capacity) Execute(
        DynamoDbBackend engine,
        ITableStore table,
        Item key,
        Condition? condition,
        ExpressionScope scope,
        string? returnOnFailure,
        Func<Item?, Item?> change)
    {
        CheckReturnValues(returnOnFailure, "NONE", "ALL_OLD");
        var evaluator = new ExpressionEvaluator(scope, ExpressionKind.ConditionExpression);
        var report = new CapacityReport(table.Definition, isRead: false);
        try
        {
            var write = table.Write(key, old =>
            {
                if (condition is not null && !evaluator.Matches(condition, old ?? NoItem))
                {
                    throw new ConditionFailed(old);
                }
                return change(old);
            });
            Charge(report, write, 1);
            report.Meter(engine.Usage);
            return (write, report);
        }
        catch (ConditionFailed failed)
        {
            report.TableUnits = CapacityUnits.Write(failed.Old is null ? 0 : ItemSize.Of(failed.Old));
            report.Meter(engine.Usage);
            throw DynamoDbErrors.ConditionalCheckFailedException(returnOnFailure == "ALL_OLD" && failed.Old is not null
                ? new Dictionary<string, object?> { ["Item"] = failed.Old }
                : null);
        }
    }

    /// <summary>
    /// Adds one item write's units: 1 KB units of the larger of old and new item, plus each index entry
    /// touched. Transactions pass factor 2 (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-capacity-handling).
    /// </summary>
    public static void Charge(CapacityReport report, ItemWrite write, double factor)
    {
        var size = Math.Max(write.Old is null ? 0 : ItemSize.Of(write.Old), write.New is null ? 0 : ItemSize.Of(write.New));
        report.TableUnits += factor * CapacityUnits.Write(size);
        foreach (var (index, (writes, bytes)) in write.IndexWrites.Where(kv => kv.Value.Writes > 0))
        {
            report.AddIndex(index, factor * writes * CapacityUnits.Write(bytes));
        }
    }

    /// <summary>Thrown inside the store's lock to abandon the write; turned into AWS's error outside it.</summary>
    private sealed class ConditionFailed(Item? old) : Exception
    {
        public Item? Old { get; } = old;
    }
}
