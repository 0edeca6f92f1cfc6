using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.SimulatedApi;
using JobOrchestration.Functions.Tests.Fakes;
using JobOrchestration.Functions.Tokens;
using static JobOrchestration.Functions.Tests.Fakes.ScriptedHttpHandler;

namespace JobOrchestration.Functions.Tests;

public class DynamoDbAdapterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private readonly RecordingLog log = new();

    private static AmazonDynamoDBClient Client(ScriptedHttpHandler handler) => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig { ServiceURL = "http://localhost:4566", AuthenticationRegion = "us-east-1", MaxErrorRetry = 0, HttpClientFactory = new ScriptedHttpClientFactory(handler) });

    private static Reply ConditionFailed() =>
        Reply.AwsError("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", "The conditional request failed");

    private static JsonObject Item(string arn, string status = "PENDING", int attempts = 0) => new()
    {
        ["executionArn"] = new JsonObject { ["S"] = arn },
        ["jobId"] = new JsonObject { ["S"] = "job-" + arn },
        ["taskToken"] = new JsonObject { ["S"] = "token-" + arn },
        ["status"] = new JsonObject { ["S"] = status },
        ["attempts"] = new JsonObject { ["N"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["maxAttempts"] = new JsonObject { ["N"] = "10" },
        ["deadline"] = new JsonObject { ["N"] = Now.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["createdAt"] = new JsonObject { ["S"] = "2026-01-15T12:00:00.000Z" },
        ["updatedAt"] = new JsonObject { ["S"] = "2026-01-15T12:00:00.000Z" },
    };

    private DynamoDbTokenStore Store(ScriptedHttpHandler handler) => new(Client(handler), "poc-task-tokens", "status-index", log);

    [Fact]
    public async Task TryCreateAsync_RecordExists_ReturnsFalseAfterAConditionalPut()
    {
        var handler = new ScriptedHttpHandler(_ => ConditionFailed());
        var record = new TokenRecord("arn:1", "job-1", "tok", TokenStatus.Pending, 0, 5, Now.AddMinutes(10), Now, Now);

        var created = await Store(handler).TryCreateAsync(record, TestContext.Current.CancellationToken);

        Assert.False(created);
        var put = Assert.Single(handler.Requests);
        Assert.Equal("DynamoDB_20120810.PutItem", put.Target);
        Assert.Equal("attribute_not_exists(executionArn)", put.Json["ConditionExpression"]!.GetValue<string>());
        Assert.Equal(Now.AddMinutes(10).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), put.Json["Item"]!["deadline"]!["N"]!.GetValue<string>());
        Assert.Equal("2026-01-15T12:00:00.000Z", put.Json["Item"]!["createdAt"]!["S"]!.GetValue<string>());
    }

    [Fact]
    public async Task TryClaimAttemptAsync_GuardsOnTheAttemptsReadPendingStatusAndLeaseAndTakesTheLease()
    {
        var handler = new ScriptedHttpHandler(_ => Reply.Ok());

        var claimed = await Store(handler).TryClaimAttemptAsync("arn:1", 3, new PollClaim("claim-1", Now.AddSeconds(10)), Now, TestContext.Current.CancellationToken);

        Assert.True(claimed);
        var update = Assert.Single(handler.Requests).Json;
        var values = update["ExpressionAttributeValues"]!;
        Assert.Equal("SET attempts = :next, claimedUntil = :until, claimId = :claim, updatedAt = :now", update["UpdateExpression"]!.GetValue<string>());
        Assert.Equal(
            "attempts = :read AND #status = :pending AND (attribute_not_exists(claimedUntil) OR claimedUntil <= :nowMs)",
            update["ConditionExpression"]!.GetValue<string>());
        Assert.Equal("3", values[":read"]!["N"]!.GetValue<string>());
        Assert.Equal("4", values[":next"]!["N"]!.GetValue<string>());
        Assert.Equal("PENDING", values[":pending"]!["S"]!.GetValue<string>());
        Assert.Equal("claim-1", values[":claim"]!["S"]!.GetValue<string>());
        Assert.Equal(Now.AddSeconds(10).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), values[":until"]!["N"]!.GetValue<string>());
        Assert.Equal(Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), values[":nowMs"]!["N"]!.GetValue<string>());
    }

    [Fact]
    public async Task TryCloseAsync_RecordNoLongerPending_ReturnsFalse()
    {
        var handler = new ScriptedHttpHandler(_ => ConditionFailed());

        var closed = await Store(handler).TryCloseAsync("arn:1", TokenStatus.Completed, null, """{"a":1}""", null, Now, TestContext.Current.CancellationToken);

        Assert.False(closed);
        var update = Assert.Single(handler.Requests).Json;
        Assert.Equal("#status = :pending", update["ConditionExpression"]!.GetValue<string>());
        Assert.Equal("""{"a":1}""", update["ExpressionAttributeValues"]![":result"]!["S"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueryPendingAsync_FollowsEveryPageAndSkipsMalformedItems()
    {
        var handler = new ScriptedHttpHandler(request =>
        {
            var startKey = request.Json["ExclusiveStartKey"];
            var page = startKey is null
                ? new JsonObject { ["Items"] = new JsonArray(Item("arn:1"), new JsonObject { ["executionArn"] = new JsonObject { ["S"] = "arn:bad" } }), ["LastEvaluatedKey"] = new JsonObject { ["executionArn"] = new JsonObject { ["S"] = "arn:bad" } } }
                : new JsonObject { ["Items"] = new JsonArray(Item("arn:2", attempts: 4)) };
            return Reply.Ok(page.ToJsonString());
        });

        var records = new List<TokenRecord>();
        await foreach (var record in Store(handler).QueryPendingAsync(TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        Assert.Equal(["arn:1", "arn:2"], records.Select(r => r.ExecutionArn));
        Assert.Equal(4, records[1].Attempts);
        Assert.Equal(Now.AddHours(1), records[0].Deadline);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("status-index", r.Json["IndexName"]!.GetValue<string>()));
        Assert.Equal("arn:bad", handler.Requests[1].Json["ExclusiveStartKey"]!["executionArn"]!["S"]!.GetValue<string>());
        Assert.Contains(log.Lines, line => line.Contains("arn:bad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_JobIdTaken_ReturnsTheStoredJob()
    {
        var stored = new JsonObject
        {
            ["Item"] = new JsonObject
            {
                ["jobId"] = new JsonObject { ["S"] = "job-1" },
                ["status"] = new JsonObject { ["S"] = "RUNNING" },
                ["scenario"] = new JsonObject { ["S"] = "fail" },
                ["checksToComplete"] = new JsonObject { ["N"] = "4" },
                ["checks"] = new JsonObject { ["N"] = "1" },
                ["createdAt"] = new JsonObject { ["S"] = "2026-01-15T11:00:00.000Z" },
                ["clientToken"] = new JsonObject { ["S"] = "ct" },
            },
        };
        var handler = new ScriptedHttpHandler(request => request.Target.EndsWith("PutItem", StringComparison.Ordinal) ? ConditionFailed() : Reply.Ok(stored.ToJsonString()));
        var repository = new DynamoDbJobRepository(Client(handler), "poc-jobs");

        var job = await repository.CreateAsync(
            new SimulatedJob("job-1", JobStatus.Running, JobScenario.Complete, 2, 0, Now, "ct"),
            TestContext.Current.CancellationToken);

        Assert.Equal(JobScenario.Fail, job.Scenario);
        Assert.Equal(1, job.Checks);
        Assert.Equal(Now.AddHours(-1), job.CreatedAt);
        Assert.True(handler.Requests[1].Json["ConsistentRead"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RecordCheckAsync_IncrementsAtomicallyAndReturnsNullForAnUnknownJob()
    {
        var handler = new ScriptedHttpHandler(_ => ConditionFailed());
        var repository = new DynamoDbJobRepository(Client(handler), "poc-jobs");

        var job = await repository.RecordCheckAsync("job-x", Now, TestContext.Current.CancellationToken);

        Assert.Null(job);
        var update = Assert.Single(handler.Requests).Json;
        Assert.StartsWith("ADD checks :one", update["UpdateExpression"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ALL_NEW", update["ReturnValues"]!.GetValue<string>());
        Assert.Equal("attribute_exists(jobId)", update["ConditionExpression"]!.GetValue<string>());
    }
}
