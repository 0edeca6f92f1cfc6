using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;
using static JobOrchestration.Functions.Common.DynamoDbValues;

namespace JobOrchestration.Functions.SimulatedApi;

/// <summary>poc-jobs in DynamoDB: HASH jobId.</summary>
public sealed class DynamoDbJobRepository(IAmazonDynamoDB dynamoDb, string tableName) : IJobRepository
{
    private const int MaxBatch = 100;

    public async Task<SimulatedJob> CreateAsync(SimulatedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var item = new Dictionary<string, AttributeValue>
        {
            ["jobId"] = S(job.JobId),
            ["status"] = S(job.Status),
            ["scenario"] = S(JobScenarios.ToWire(job.Scenario)),
            ["checksToComplete"] = N(job.ChecksToComplete),
            ["checks"] = N(job.Checks),
            ["createdAt"] = S(Iso8601.Write(job.CreatedAt)),
        };
        if (job.ClientToken is not null)
        {
            item["clientToken"] = S(job.ClientToken);
        }

        try
        {
            await dynamoDb.PutItemAsync(
                new PutItemRequest { TableName = tableName, Item = item, ConditionExpression = "attribute_not_exists(jobId)" },
                cancellationToken);
            return job;
        }
        catch (ConditionalCheckFailedException)
        {
            var existing = await dynamoDb.GetItemAsync(
                new GetItemRequest { TableName = tableName, Key = Key(job.JobId), ConsistentRead = true },
                cancellationToken);
            return existing.Item is { Count: > 0 } found
                ? Read(found)
                : throw new InvalidOperationException($"Job '{job.JobId}' exists according to the condition check but could not be read.");
        }
    }

    public async Task<SimulatedJob?> RecordCheckAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var response = await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = Key(jobId),
                    UpdateExpression = "ADD checks :one SET lastCheckedAt = :now",
                    ConditionExpression = "attribute_exists(jobId)",
                    ExpressionAttributeValues = new() { [":one"] = N(1), [":now"] = S(Iso8601.Write(now)) },
                    ReturnValues = ReturnValue.ALL_NEW,
                },
                cancellationToken);
            return Read(response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    public Task SetStatusAsync(string jobId, string status, CancellationToken cancellationToken) =>
        dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(jobId),
                UpdateExpression = "SET #status = :status",
                ExpressionAttributeNames = new() { ["#status"] = "status" },
                ExpressionAttributeValues = new() { [":status"] = S(status) },
            },
            cancellationToken);

    /// <summary>
    /// Two requests for up to 100 jobs instead of one or two per job: one TransactGetItems, then one
    /// TransactWriteItems that sets each job's next check count and status, each conditional on the count read (so a
    /// check that raced in between cancels the transaction instead of being lost). A cancelled transaction falls back
    /// to the one-job path, whose ADD is atomic on its own.
    /// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html (100 actions each).
    /// </summary>
    public async Task<IReadOnlyList<SimulatedJob>> RecordChecksAsync(
        IReadOnlyList<string> jobIds, DateTimeOffset now, Func<SimulatedJob, string> statusAfterCheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        ArgumentNullException.ThrowIfNull(statusAfterCheck);
        var distinct = jobIds.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length is 0 or > MaxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(jobIds), distinct.Length, $"Between 1 and {MaxBatch} distinct job ids.");
        }

        List<SimulatedJob> read;
        try
        {
            read = await TransactGetAsync(distinct, cancellationToken);
        }
        catch (TransactionCanceledException)
        {
            // A transaction writing one of these jobs was in flight: read them one at a time on the fallback path.
            return await RecordOneByOneAsync([.. distinct], now, statusAfterCheck, cancellationToken);
        }

        if (read.Count == 0)
        {
            return [];
        }

        var checkedJobs = read.Select(job =>
        {
            var next = job with { Checks = job.Checks + 1 };
            return next with { Status = statusAfterCheck(next) };
        }).ToList();
        try
        {
            await dynamoDb.TransactWriteItemsAsync(
                new TransactWriteItemsRequest
                {
                    TransactItems = [.. read.Zip(checkedJobs, (before, after) => new TransactWriteItem
                    {
                        Update = new Update
                        {
                            TableName = tableName,
                            Key = Key(after.JobId),
                            UpdateExpression = "SET checks = :next, lastCheckedAt = :now, #status = :status",
                            ConditionExpression = "checks = :read",
                            ExpressionAttributeNames = new() { ["#status"] = "status" },
                            ExpressionAttributeValues = new()
                            {
                                [":next"] = N(after.Checks),
                                [":read"] = N(before.Checks),
                                [":now"] = S(Iso8601.Write(now)),
                                [":status"] = S(after.Status),
                            },
                        },
                    })],
                },
                cancellationToken);
            return checkedJobs;
        }
        catch (TransactionCanceledException)
        {
            return await RecordOneByOneAsync([.. read.Select(j => j.JobId)], now, statusAfterCheck, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<SimulatedJob>> RecordOneByOneAsync(
        IReadOnlyList<string> jobIds, DateTimeOffset now, Func<SimulatedJob, string> statusAfterCheck, CancellationToken cancellationToken)
    {
        var done = new List<SimulatedJob>();
        foreach (var jobId in jobIds)
        {
            if (await RecordCheckAsync(jobId, now, cancellationToken) is { } after)
            {
                var status = statusAfterCheck(after);
                if (status != after.Status)
                {
                    await SetStatusAsync(after.JobId, status, cancellationToken);
                }

                done.Add(after with { Status = status });
            }
        }

        return done;
    }

    // TransactGetItems rather than BatchGetItem: a transaction's Get is authorised as dynamodb:GetItem, which the stack
    // already grants poc-simulated-api (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html),
    // and it reads every item as of one instant. Responses keep the request's order; a missing job has no Item.
    private async Task<List<SimulatedJob>> TransactGetAsync(string[] jobIds, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.TransactGetItemsAsync(
            new TransactGetItemsRequest { TransactItems = [.. jobIds.Select(id => new TransactGetItem { Get = new Get { TableName = tableName, Key = Key(id) } })] },
            cancellationToken);
        return [.. (response.Responses ?? []).Where(r => r.Item is { Count: > 0 }).Select(r => Read(r.Item))];
    }

    private static Dictionary<string, AttributeValue> Key(string jobId) => new() { ["jobId"] = S(jobId) };

    private static SimulatedJob Read(Dictionary<string, AttributeValue> item) => new(
        ReadS(item, "jobId"),
        ReadS(item, "status"),
        JobScenarios.Parse(ReadS(item, "scenario")),
        (int)ReadN(item, "checksToComplete"),
        (int)ReadN(item, "checks"),
        Iso8601.Read(ReadS(item, "createdAt")),
        TryReadS(item, "clientToken"));
}
