using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.DynamoDb.Tests.Service.DynamoDbHarness;

namespace LocalCloud.DynamoDb.Tests.Service;

public class BatchOperationsTests
{
    private const string Tokens = "poc-task-tokens";

    private static Dictionary<string, AttributeValue> JobKey(string id) => new() { ["jobId"] = S(id) };

    private static WriteRequest Put(Dictionary<string, AttributeValue> item) => new() { PutRequest = new PutRequest { Item = item } };

    private static WriteRequest Delete(Dictionary<string, AttributeValue> key) => new() { DeleteRequest = new DeleteRequest { Key = key } };

    [Fact]
    public async Task BatchWriteItem_PutsAndDeletesAcrossTables_AllAppliedWithCapacityPerTable()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.CreateRangeTableAsync();
        await h.Client.PutItemAsync(Tokens, new() { ["jobId"] = S("old") }, Ct);

        var response = await h.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                [Tokens] = [Put(new() { ["jobId"] = S("j1"), ["status"] = S("PENDING"), ["deadline"] = N("5") }), Delete(JobKey("old"))],
                ["events"] = [Put(new() { ["pk"] = S("a"), ["sk"] = N("1") }), Put(new() { ["pk"] = S("a"), ["sk"] = N("2") })],
            },
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        }, Ct);

        Assert.Empty(response.UnprocessedItems ?? []);
        var byTable = response.ConsumedCapacity.ToDictionary(c => c.TableName);
        Assert.Equal(3.0, byTable[Tokens].CapacityUnits); // put 1 + delete 1 + GSI entry 1
        Assert.Equal(1.0, byTable[Tokens].GlobalSecondaryIndexes["status-index"].CapacityUnits);
        Assert.Equal(2.0, byTable["events"].CapacityUnits);
        Assert.Null((await h.Client.GetItemAsync(Tokens, JobKey("old"), Ct)).Item?.GetValueOrDefault("jobId"));
        Assert.Equal("PENDING", (await h.Client.GetItemAsync(Tokens, JobKey("j1"), Ct)).Item["status"].S);
        var events = await h.Client.QueryAsync(new QueryRequest
        {
            TableName = "events",
            KeyConditionExpression = "pk = :a",
            ExpressionAttributeValues = new() { [":a"] = S("a") },
        }, Ct);
        Assert.Equal(2, events.Count);
        Assert.Equal(3.0, h.Usage.Get("dynamodb", "WriteCapacityUnits", Tokens)); // the set-up put, then put + delete
        Assert.Equal(1.0, h.Usage.Get("dynamodb", "WriteCapacityUnits", $"{Tokens}/index/status-index"));
    }

    [Fact]
    public async Task BatchWriteItem_DuplicateKeys_ValidationAndNothingWritten()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [Tokens] = [Put(new() { ["jobId"] = S("j2") }), Put(new() { ["jobId"] = S("j1") }), Delete(JobKey("j1"))] },
        }, Ct));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal("Provided list of item keys contains duplicates", e.Message);
        Assert.Equal(0, (await h.Client.ScanAsync(new ScanRequest { TableName = Tokens }, Ct)).Count);
    }

    [Fact]
    public async Task BatchWriteItem_TwentySixRequests_TooManyItems()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.CreateRangeTableAsync();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                [Tokens] = Enumerable.Range(0, 13).Select(i => Put(new() { ["jobId"] = S($"j{i}") })).ToList(),
                ["events"] = Enumerable.Range(0, 13).Select(i => Put(new() { ["pk"] = S("a"), ["sk"] = N($"{i}") })).ToList(),
            },
        }, Ct));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal("Too many items requested for the BatchWriteItem call", e.Message);
    }

    [Fact]
    public async Task BatchWriteItem_UnknownTableOrBadItem_RejectedBeforeAnyWrite()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [Tokens] = [Put(new() { ["jobId"] = S("j1") })], ["nope"] = [Put(new() { ["id"] = S("x") })] },
        }, Ct));
        var badKey = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [Tokens] = [Put(new() { ["jobId"] = S("j1") }), Put(new() { ["jobId"] = N("2") })] },
        }, Ct));

        Assert.Equal("Requested resource not found", missing.Message);
        Assert.Equal("One or more parameter values were invalid: Type mismatch for key jobId expected: S actual: N", badKey.Message);
        Assert.Equal(0, (await h.Client.ScanAsync(new ScanRequest { TableName = Tokens }, Ct)).Count);
    }

    [Fact]
    public async Task BatchGetItem_FoundAndMissingKeys_ReturnsFoundProjectedWithCapacity()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.CreateRangeTableAsync();
        await h.Client.PutItemAsync(Tokens, new() { ["jobId"] = S("j1"), ["status"] = S("PENDING"), ["payload"] = S(new string('x', 5000)) }, Ct);
        await h.Client.PutItemAsync(Tokens, new() { ["jobId"] = S("j2"), ["status"] = S("DONE") }, Ct);
        await h.Client.PutItemAsync("events", new() { ["pk"] = S("a"), ["sk"] = N("1") }, Ct);

        var response = await h.Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new()
            {
                [Tokens] = new KeysAndAttributes
                {
                    Keys = [JobKey("j1"), JobKey("j2"), JobKey("missing")],
                    ProjectionExpression = "jobId, #s",
                    ExpressionAttributeNames = new() { ["#s"] = "status" },
                    ConsistentRead = true,
                },
                ["events"] = new KeysAndAttributes { Keys = [new() { ["pk"] = S("a"), ["sk"] = N("1") }, new() { ["pk"] = S("b"), ["sk"] = N("1") }] },
            },
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        }, Ct);

        Assert.Empty(response.UnprocessedKeys ?? []);
        var tokens = response.Responses[Tokens].OrderBy(i => i["jobId"].S).ToList();
        Assert.Equal(["j1", "j2"], tokens.Select(i => i["jobId"].S));
        Assert.Equal(["jobId", "status"], tokens[0].Keys.Order());
        Assert.Single(response.Responses["events"]);
        var byTable = response.ConsumedCapacity.ToDictionary(c => c.TableName);
        Assert.Equal(4.0, byTable[Tokens].CapacityUnits); // strongly consistent: 2 (5 KB) + 1 + 1 (missing)
        Assert.Equal(1.0, byTable["events"].CapacityUnits); // eventually consistent: 0.5 + 0.5
    }

    [Fact]
    public async Task BatchGetItem_DuplicateKeys_Validation()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [Tokens] = new KeysAndAttributes { Keys = [JobKey("j1"), JobKey("j1")] } },
        }, Ct));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal("Provided list of item keys contains duplicates", e.Message);
    }

    [Fact]
    public async Task BatchGetItem_101Keys_TooManyItems()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [Tokens] = new KeysAndAttributes { Keys = Enumerable.Range(0, 101).Select(i => JobKey($"j{i}")).ToList() } },
        }, Ct));

        Assert.Equal("Too many items requested for the BatchGetItem call", e.Message);
    }

    [Fact]
    public async Task BatchGetItem_ResponseOver16Megabytes_RestComesBackAsUnprocessedKeys()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        var payload = S(new string('x', 390 * 1024));
        var keys = Enumerable.Range(0, 50).Select(i => JobKey($"j{i:00}")).ToList();
        foreach (var key in keys)
        {
            await h.Client.PutItemAsync(Tokens, new(key) { ["payload"] = payload }, Ct);
        }

        var first = await h.Client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new() { [Tokens] = new KeysAndAttributes { Keys = keys } } }, Ct);
        var second = await h.Client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = first.UnprocessedKeys }, Ct);

        var firstCount = first.Responses[Tokens].Count;
        Assert.Equal(42, firstCount); // 42 × ~390 KB fit in 16 MB, the 43rd would not
        Assert.Equal(50 - firstCount, first.UnprocessedKeys[Tokens].Keys.Count);
        Assert.Equal(50 - firstCount, second.Responses[Tokens].Count);
        Assert.Empty(second.UnprocessedKeys ?? []);
        Assert.Equal(keys.Select(k => k["jobId"].S), first.Responses[Tokens].Concat(second.Responses[Tokens]).Select(i => i["jobId"].S).Order());
    }
}
