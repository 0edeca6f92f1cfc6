using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Metering;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// TransactWriteItems (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html):
/// up to 100 ConditionCheck / Put / Update / Delete actions, all or nothing. Every table involved is locked
/// (in one global order, so transactions never deadlock) while all conditions are checked and, only if all
/// pass, all writes applied; single-item operations and reads take the same locks, so nobody observes a
/// partial transaction. A failed check cancels everything with AWS's CancellationReasons, one per action.
/// Each item written or checked costs two write units per KB, as AWS bills transactions. With --data, every
/// item the transaction writes goes to the durable store in one atomic write before any is applied.
/// </summary>
internal sealed class TransactWriteItems(DynamoDbBackend engine)
{
    private const int MaxActions = 100;
    private static readonly Item NoItem = new Dictionary<string, AttributeValue>();

    public Task<TransactWriteItemsResponse> HandleAsync(TransactWriteItemsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        CapacityReports.CheckMode(request.ReturnConsumedCapacity);
        var items = request.TransactItems ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull("transactItems"));
        if (items.Count is 0 or > MaxActions)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.MemberLength("transactItems", $"{items.Count} elements", items.Count == 0 ? 1 : MaxActions, atMost: items.Count > 0));
        }
        if (request.ClientRequestToken is { Length: 0 or > 36 } badToken)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.MemberLength("clientRequestToken", badToken, badToken.Length == 0 ? 1 : 36, atMost: badToken.Length > 0));
        }
        var actions = items.Select((item, i) => TransactAction.From(engine, context, item, i + 1)).ToList();
        RejectSecondActionOnOneItem(actions);

        var token = request.ClientRequestToken;
        if (token is not null && engine.Tokens.Begin<TransactWriteItemsResponse>(context, token, JsonSerializer.Serialize(items)) is { } earlier)
        {
            return Task.FromResult(earlier);
        }
        try
        {
            var response = Run(actions, request.ReturnConsumedCapacity);
            if (token is not null)
            {
                engine.Tokens.Complete(context, token, response);
            }
            return Task.FromResult(response);
        }
        catch when (token is not null)
        {
            engine.Tokens.Abandon(context, token);
            throw;
        }
    }

    internal static void RejectSecondActionOnOneItem(IEnumerable<(ITableStore Table, Item Key)> targets)
    {
        var seen = new HashSet<(string, AttributeValue, AttributeValue?)>();
        foreach (var (table, key) in targets)
        {
            var (hash, range) = BatchGetItem.KeyIdentity(key, table.Definition.Key);
            if (!seen.Add((table.Definition.Arn, hash, range)))
            {
                throw AwsServiceException.Validation(DynamoDbErrors.TransactionDuplicateItem);
            }
        }
    }

    private static void RejectSecondActionOnOneItem(List<TransactAction> actions) => RejectSecondActionOnOneItem(actions.Select(a => (a.Table, a.Key)));

    private TransactWriteItemsResponse Run(List<TransactAction> actions, string? capacityMode)
    {
        var capacity = new CapacityReports(isRead: false);
        using (TableLocks.Acquire(actions.Select(a => a.Table)))
        {
            var reasons = new List<Dictionary<string, object?>>();
            var planned = new List<Item?>();
            foreach (var action in actions)
            {
                var (reason, next) = Check(action);
                reasons.Add(reason);
                planned.Add(next);
            }
            if (reasons.Any(r => (string)r["Code"]! != "None"))
            {
                var codes = reasons.Select(r => (string)r["Code"]!).ToList();
                throw DynamoDbErrors.TransactionCanceled(codes, reasons);
            }
            // All of the transaction's items reach the durable store in one atomic write, before any is applied.
            if (engine.Stores.Durable.IsDurable)
            {
                var changes = actions.Select((a, i) => a.Change is null ? null : a.Table.DurableChangeFor(a.Key, planned[i])).OfType<DurableChange>().ToList();
                if (changes.Count > 0)
                {
                    engine.Stores.Durable.Write(changes);
                }
            }
            for (var i = 0; i < actions.Count; i++)
            {
                var action = actions[i];
                var report = capacity.For(action.Table.Definition);
                if (action.Change is null)
                {
                    var current = action.Table.Get(action.Key);
                    report.TableUnits += 2 * CapacityUnits.Write(current is null ? 0 : ItemSize.Of(current));
                    continue;
                }
                var next = planned[i];
                WriteSupport.Charge(report, action.Table.WriteRecorded(action.Key, next), 2);
            }
        }
        capacity.Meter(engine.Usage);
        return new TransactWriteItemsResponse { ConsumedCapacity = capacity.ToWire(capacityMode) };
    }

    /// <summary>Evaluates one action against the current item (locks held): its cancellation reason and the item it would write.</summary>
    private static (Dictionary<string, object?> Reason, Item? Next) Check(TransactAction action)
    {
        var current = action.Table.Get(action.Key);
        if (action.Condition is not null && !new ExpressionEvaluator(action.Scope, ExpressionKind.ConditionExpression).Matches(action.Condition, current ?? NoItem))
        {
            var reason = new Dictionary<string, object?> { ["Code"] = "ConditionalCheckFailed", ["Message"] = DynamoDbErrors.ConditionalCheckFailed };
            if (action.ReturnOnFailure == "ALL_OLD" && current is not null)
            {
                reason["Item"] = current;
            }
            return (reason, null);
        }
        try
        {
            return (new Dictionary<string, object?> { ["Code"] = "None" }, action.Change?.Invoke(current));
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ValidationException")
        {
            return (new Dictionary<string, object?> { ["Code"] = "ValidationError", ["Message"] = e.Message }, null);
        }
    }
}
