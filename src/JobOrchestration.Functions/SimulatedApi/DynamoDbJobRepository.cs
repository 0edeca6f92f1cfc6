using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;
using static JobOrchestration.Functions.Common.DynamoDbValues;

namespace JobOrchestration.Functions.SimulatedApi;

/// <summary>poc-jobs in DynamoDB: HASH jobId.</summary>
public sealed class DynamoDbJobRepository(IAmazonDynamoDB dynamoDb, string tableName) : IJobRepository
{
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
