using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using JobOrchestration.Functions.Common;
using static JobOrchestration.Functions.Common.DynamoDbValues;

namespace JobOrchestration.Functions.Tokens;

/// <summary>poc-task-tokens in DynamoDB: HASH executionArn, GSI status-index (status, createdAt).</summary>
public sealed class DynamoDbTokenStore(IAmazonDynamoDB dynamoDb, string tableName, string statusIndex, IFunctionLog log) : ITokenStore
{
    public async Task<bool> TryCreateAsync(TokenRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = new Dictionary<string, AttributeValue>
        {
            ["executionArn"] = S(record.ExecutionArn),
            ["jobId"] = S(record.JobId),
            ["taskToken"] = S(record.TaskToken),
            ["status"] = S(record.Status),
            ["attempts"] = N(record.Attempts),
            ["maxAttempts"] = N(record.MaxAttempts),
            ["deadline"] = N(record.Deadline.ToUnixTimeSeconds()),
            ["createdAt"] = S(Iso8601.Write(record.CreatedAt)),
            ["updatedAt"] = S(Iso8601.Write(record.UpdatedAt)),
        };
        return await ConditionalAsync(dynamoDb.PutItemAsync(
            new PutItemRequest { TableName = tableName, Item = item, ConditionExpression = "attribute_not_exists(executionArn)" },
            cancellationToken));
    }

    public async Task<TokenRecord?> GetAsync(string executionArn, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = Key(executionArn), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? Read(item) : null;
    }

    public Task<bool> TryReplaceTokenAsync(string executionArn, string taskToken, DateTimeOffset now, CancellationToken cancellationToken) =>
        ConditionalAsync(dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(executionArn),
                UpdateExpression = "SET taskToken = :token, updatedAt = :now",
                ConditionExpression = "#status = :pending",
                ExpressionAttributeNames = new() { ["#status"] = "status" },
                ExpressionAttributeValues = new()
                {
                    [":token"] = S(taskToken),
                    [":now"] = S(Iso8601.Write(now)),
                    [":pending"] = S(TokenStatus.Pending),
                },
            },
            cancellationToken));

    public async IAsyncEnumerable<TokenRecord> QueryPendingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await dynamoDb.QueryAsync(
                new QueryRequest
                {
                    TableName = tableName,
                    IndexName = statusIndex,
                    KeyConditionExpression = "#status = :pending",
                    ExpressionAttributeNames = new() { ["#status"] = "status" },
                    ExpressionAttributeValues = new() { [":pending"] = S(TokenStatus.Pending) },
                    ExclusiveStartKey = startKey,
                },
                cancellationToken);
            foreach (var item in page.Items ?? [])
            {
                TokenRecord? record = null;
                try
                {
                    record = Read(item);
                }
                catch (FormatException ex)
                {
                    // A malformed item must not stop the sweep over the others.
                    log.LogError($"Skipping malformed {tableName} item {TryReadS(item, "executionArn") ?? "(no executionArn)"}: {ex.Message}", ex);
                }

                if (record is not null)
                {
                    yield return record;
                }
            }

            startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);
    }

    public Task<bool> TryClaimAttemptAsync(string executionArn, int attemptsRead, PollClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return ConditionalAsync(dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(executionArn),
                UpdateExpression = ClaimUpdate,
                ConditionExpression = ClaimCondition,
                ExpressionAttributeNames = new() { ["#status"] = "status" },
                ExpressionAttributeValues = ClaimValues(attemptsRead, claim, now),
            },
            cancellationToken));
    }

    /// <summary>
    /// One TransactWriteItems of the claims (at most 100 actions:
    /// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html). A transaction's Update is
    /// authorised as dynamodb:UpdateItem, which the poller already has. Any failed condition cancels the whole transaction.
    /// </summary>
    public async Task<bool> TryClaimAttemptsAsync(
        IReadOnlyList<(string ExecutionArn, int AttemptsRead)> records, PollClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            await dynamoDb.TransactWriteItemsAsync(
                new TransactWriteItemsRequest
                {
                    TransactItems = [.. records.Select(r => new TransactWriteItem
                    {
                        Update = new Update
                        {
                            TableName = tableName,
                            Key = Key(r.ExecutionArn),
                            UpdateExpression = ClaimUpdate,
                            ConditionExpression = ClaimCondition,
                            ExpressionAttributeNames = new() { ["#status"] = "status" },
                            ExpressionAttributeValues = ClaimValues(r.AttemptsRead, claim, now),
                        },
                    })],
                },
                cancellationToken);
            return true;
        }
        catch (TransactionCanceledException)
        {
            return false;
        }
    }

    private const string ClaimUpdate = "SET attempts = :next, claimedUntil = :until, claimId = :claim, updatedAt = :now";

    // A lease that has run out is as good as none: its poller crashed or stalled, and the claim id fences off whatever it
    // still tries to write.
    private const string ClaimCondition = "attempts = :read AND #status = :pending AND (attribute_not_exists(claimedUntil) OR claimedUntil <= :nowMs)";

    private static Dictionary<string, AttributeValue> ClaimValues(int attemptsRead, PollClaim claim, DateTimeOffset now) => new()
    {
        [":next"] = N(attemptsRead + 1L),
        [":read"] = N(attemptsRead),
        [":until"] = N(claim.Until.ToUnixTimeMilliseconds()),
        [":claim"] = S(claim.Id),
        [":now"] = S(Iso8601.Write(now)),
        [":nowMs"] = N(now.ToUnixTimeMilliseconds()),
        [":pending"] = S(TokenStatus.Pending),
    };

    public Task<bool> TryRecordOutcomeAsync(
        string executionArn, string claimId, string outcome, string? lastError, string? result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (update, names, values) = Settle("SET outcome = :outcome, updatedAt = :now", outcome, lastError, result, now);
        values[":outcome"] = S(outcome);
        values[":claim"] = S(claimId);
        return ConditionalAsync(dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(executionArn),
                UpdateExpression = update,
                ConditionExpression = "#status = :pending AND claimId = :claim AND attribute_not_exists(outcome)",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            },
            cancellationToken));
    }

    public Task<bool> TryCloseAsync(
        string executionArn, string status, string? lastError, string? result, string? claimId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (update, names, values) = Settle("SET #status = :status, updatedAt = :now", status, lastError, result, now);
        values[":status"] = S(status);
        var condition = "#status = :pending";
        if (claimId is not null)
        {
            condition += " AND claimId = :claim";
            values[":claim"] = S(claimId);
        }

        return ConditionalAsync(dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(executionArn),
                UpdateExpression = update,
                ConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            },
            cancellationToken));
    }

    /// <summary>One TransactWriteItems of the closes, each on TryCloseAsync's condition; any failed condition cancels all.</summary>
    public async Task<bool> TryCloseAllAsync(IReadOnlyList<(string ExecutionArn, string Status)> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        try
        {
            await dynamoDb.TransactWriteItemsAsync(
                new TransactWriteItemsRequest
                {
                    TransactItems = [.. records.Select(r =>
                    {
                        var (update, names, values) = Settle("SET #status = :status, updatedAt = :now", r.Status, null, null, now);
                        values[":status"] = S(r.Status);
                        return new TransactWriteItem
                        {
                            Update = new Update
                            {
                                TableName = tableName,
                                Key = Key(r.ExecutionArn),
                                UpdateExpression = update,
                                ConditionExpression = "#status = :pending",
                                ExpressionAttributeNames = names,
                                ExpressionAttributeValues = values,
                            },
                        };
                    })],
                },
                cancellationToken);
            return true;
        }
        catch (TransactionCanceledException)
        {
            return false;
        }
    }

    // The parts both settling writes share: lastError and result when given, and the PENDING guard's names and values.
    private static (string Update, Dictionary<string, string> Names, Dictionary<string, AttributeValue> Values) Settle(
        string update, string terminalStatus, string? lastError, string? result, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(terminalStatus);
        var values = new Dictionary<string, AttributeValue>
        {
            [":now"] = S(Iso8601.Write(now)),
            [":pending"] = S(TokenStatus.Pending),
        };

        // STATUS and RESULT are DynamoDB reserved words: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ReservedWords.html
        var names = new Dictionary<string, string> { ["#status"] = "status" };
        if (lastError is not null)
        {
            update += ", lastError = :lastError";
            values[":lastError"] = S(lastError);
        }

        if (result is not null)
        {
            update += ", #result = :result";
            values[":result"] = S(result);
            names["#result"] = "result";
        }

        return (update, names, values);
    }

    private static async Task<bool> ConditionalAsync(Task write)
    {
        try
        {
            await write;
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static Dictionary<string, AttributeValue> Key(string executionArn) => new() { ["executionArn"] = S(executionArn) };

    private static TokenRecord Read(Dictionary<string, AttributeValue> item) => new(
        ReadS(item, "executionArn"),
        ReadS(item, "jobId"),
        ReadS(item, "taskToken"),
        ReadS(item, "status"),
        (int)ReadN(item, "attempts"),
        (int)ReadN(item, "maxAttempts"),
        DateTimeOffset.FromUnixTimeSeconds(ReadN(item, "deadline")),
        Iso8601.Read(ReadS(item, "createdAt")),
        Iso8601.Read(ReadS(item, "updatedAt")),
        TryReadS(item, "lastError"),
        TryReadS(item, "result"),
        item.ContainsKey("claimedUntil") ? DateTimeOffset.FromUnixTimeMilliseconds(ReadN(item, "claimedUntil")) : null,
        TryReadS(item, "claimId"),
        TryReadS(item, "outcome"));
}
