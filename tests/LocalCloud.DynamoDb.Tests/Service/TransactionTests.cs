using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.DynamoDb.Tests.Service.DynamoDbHarness;

namespace LocalCloud.DynamoDb.Tests.Service;

public class TransactionTests
{
    private const string Tokens = "poc-task-tokens";

    private static Dictionary<string, AttributeValue> JobKey(string id) => new() { ["jobId"] = S(id) };

    private static Dictionary<string, AttributeValue> EventKey(string pk, string sk) => new() { ["pk"] = S(pk), ["sk"] = N(sk) };

    private static TransactWriteItem AddOne(string table, Dictionary<string, AttributeValue> key, string attribute = "v") => new()
    {
        Update = new Update
        {
            TableName = table,
            Key = key,
            UpdateExpression = $"ADD {attribute} :one",
            ExpressionAttributeValues = new() { [":one"] = N("1") },
        },
    };

    private static async Task<Dictionary<string, AttributeValue>?> GetAsync(DynamoDbHarness h, string table, Dictionary<string, AttributeValue> key)
    {
        var item = (await h.Client.GetItemAsync(table, key, Ct)).Item;
        return item is null || item.Count == 0 ? null : item;
    }

    [Fact]
    public async Task TransactWriteItems_AllFourActionKinds_AppliedTogetherAtDoubleCost()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.CreateRangeTableAsync();
        await h.Client.PutItemAsync(Tokens, new() { ["jobId"] = S("guard"), ["open"] = new AttributeValue { BOOL = true } }, Ct);
        await h.Client.PutItemAsync(Tokens, new() { ["jobId"] = S("gone") }, Ct);
        await h.Client.PutItemAsync("events", new(EventKey("a", "1")) { ["v"] = N("5") }, Ct);

        var response = await h.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { ConditionCheck = new ConditionCheck { TableName = Tokens, Key = JobKey("guard"), ConditionExpression = "#o = :t", ExpressionAttributeNames = new() { ["#o"] = "open" }, ExpressionAttributeValues = new() { [":t"] = new AttributeValue { BOOL = true } } } },
                new() { Put = new Put { TableName = Tokens, Item = new() { ["jobId"] = S("new") }, ConditionExpression = "attribute_not_exists(jobId)" } },
                new() { Delete = new Delete { TableName = Tokens, Key = JobKey("gone") } },
                AddOne("events", EventKey("a", "1")),
            ],
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        }, Ct);

        Assert.NotNull(await GetAsync(h, Tokens, JobKey("new")));
        Assert.Null(await GetAsync(h, Tokens, JobKey("gone")));
        Assert.Equal("6", (await GetAsync(h, "events", EventKey("a", "1")))!["v"].N);
        var byTable = response.ConsumedCapacity.ToDictionary(c => c.TableName);
        Assert.Equal(6.0, byTable[Tokens].CapacityUnits); // check, put, delete: 2 units each
        Assert.Equal(2.0, byTable["events"].CapacityUnits);
    }

    [Fact]
    public async Task TransactWriteItems_OneConditionFails_NothingWrittenAndReasonsInOrder()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync(Tokens, new() { ["jobId"] = S("j1"), ["status"] = S("DONE") }, Ct);

        var e = await Assert.ThrowsAsync<TransactionCanceledException>(() => h.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new()
                {
                    Update = new Update
                    {
                        TableName = Tokens,
                        Key = JobKey("j1"),
                        UpdateExpression = "SET #s = :running",
                        ConditionExpression = "#s = :pending",
                        ExpressionAttributeNames = new() { ["#s"] = "status" },
                        ExpressionAttributeValues = new() { [":running"] = S("RUNNING"), [":pending"] = S("PENDING") },
                        ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                    },
                },
                new() { Put = new Put { TableName = Tokens, Item = new() { ["jobId"] = S("j2") } } },
            ],
        }, Ct));

        Assert.Equal("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]", e.Message);
        Assert.Equal(["ConditionalCheckFailed", "None"], e.CancellationReasons.Select(r => r.Code));
        Assert.Equal("The conditional request failed", e.CancellationReasons[0].Message);
        Assert.Equal("DONE", e.CancellationReasons[0].Item["status"].S);
        Assert.Null(await GetAsync(h, Tokens, JobKey("j2")));
        Assert.Equal("DONE", (await GetAsync(h, Tokens, JobKey("j1")))!["status"].S);
    }

    [Fact]
    public async Task TransactWriteItems_UpdateOnWrongType_ValidationErrorReason()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync(Tokens, new() { ["jobId"] = S("j1"), ["v"] = S("text") }, Ct);

        var e = await Assert.ThrowsAsync<TransactionCanceledException>(() => h.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new() { Put = new Put { TableName = Tokens, Item = new() { ["jobId"] = S("j2") } } }, AddOne(Tokens, JobKey("j1"))],
        }, Ct));

        Assert.Equal(["None", "ValidationError"], e.CancellationReasons.Select(r => r.Code));
        Assert.False(string.IsNullOrEmpty(e.CancellationReasons[1].Message));
        Assert.Null(await GetAsync(h, Tokens, JobKey("j2")));
    }

    [Fact]
    public async Task TransactWriteItems_TwoActionsOnOneItem_Validation()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { ConditionCheck = new ConditionCheck { TableName = Tokens, Key = JobKey("j1"), ConditionExpression = "attribute_not_exists(jobId)" } },
                AddOne(Tokens, JobKey("j1")),
            ],
        }, Ct));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal("Transaction request cannot include multiple operations on one item", e.Message);
    }

    [Fact]
    public async Task TransactWriteItems_BadRequests_RejectedWithAwsErrors()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [AddOne(Tokens, JobKey("j1")), AddOne("nope", JobKey("j1"))],
        }, Ct));
        var tooMany = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = Enumerable.Range(0, 101).Select(i => AddOne(Tokens, JobKey($"j{i}"))).ToList(),
        }, Ct));
        var empty = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem()],
        }, Ct));

        Assert.Equal("Requested resource not found", missing.Message);
        Assert.Equal("1 validation error detected: Value '101 elements' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100", tooMany.Message);
        Assert.Equal("TransactItems can only contain one of Check, Put, Update or Delete", empty.Message);
        Assert.Null(await GetAsync(h, Tokens, JobKey("j1")));
    }

    [Fact]
    public async Task TransactWriteItems_ClientRequestToken_IdempotentForTenMinutes()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        TransactWriteItemsRequest Request(string attribute) => new() { TransactItems = [AddOne(Tokens, JobKey("j1"), attribute)], ClientRequestToken = "token-1" };

        await h.Client.TransactWriteItemsAsync(Request("v"), Ct);
        await h.Client.TransactWriteItemsAsync(Request("v"), Ct);
        var afterRetry = (await GetAsync(h, Tokens, JobKey("j1")))!["v"].N;
        var mismatch = await Assert.ThrowsAsync<IdempotentParameterMismatchException>(() => h.Client.TransactWriteItemsAsync(Request("w"), Ct));
        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.Client.TransactWriteItemsAsync(Request("v"), Ct);

        Assert.Equal("1", afterRetry);
        Assert.Contains("idempotent token", mismatch.Message, StringComparison.Ordinal);
        Assert.Equal("2", (await GetAsync(h, Tokens, JobKey("j1")))!["v"].N);
    }

    [Fact]
    public async Task TransactGetItems_ItemsInRequestOrder_EmptyEntryForMissing()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.CreateRangeTableAsync();
        await h.Client.PutItemAsync(Tokens, new() { ["jobId"] = S("j1"), ["status"] = S("PENDING"), ["big"] = S(new string('x', 5000)) }, Ct);
        await h.Client.PutItemAsync("events", new(EventKey("a", "1")) { ["v"] = N("3") }, Ct);

        var response = await h.Client.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems =
            [
                new() { Get = new Get { TableName = "events", Key = EventKey("a", "1") } },
                new() { Get = new Get { TableName = Tokens, Key = JobKey("missing") } },
                new() { Get = new Get { TableName = Tokens, Key = JobKey("j1"), ProjectionExpression = "#s", ExpressionAttributeNames = new() { ["#s"] = "status" } } },
            ],
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        }, Ct);

        Assert.Equal(3, response.Responses.Count);
        Assert.Equal("3", response.Responses[0].Item["v"].N);
        Assert.True(response.Responses[1].Item is null || response.Responses[1].Item.Count == 0);
        Assert.Equal(["status"], response.Responses[2].Item.Keys);
        var byTable = response.ConsumedCapacity.ToDictionary(c => c.TableName);
        Assert.Equal(2.0, byTable["events"].CapacityUnits);
        Assert.Equal(6.0, byTable[Tokens].CapacityUnits); // missing: 2, 5 KB item: 2 × 2
    }

    [Fact]
    public async Task TransactGetItems_TwoReadsOfOneItem_Validation()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new() { Get = new Get { TableName = Tokens, Key = JobKey("j1") } }, new() { Get = new Get { TableName = Tokens, Key = JobKey("j1") } }],
        }, Ct));

        Assert.Equal("Transaction request cannot include multiple operations on one item", e.Message);
    }

    [Fact]
    public async Task TransactWriteItems_RacingWithSingleWritesAndReaders_NeverObservedPartially()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.CreateRangeTableAsync();
        var a = JobKey("a");
        var b = EventKey("b", "1");
        await h.Client.PutItemAsync(Tokens, new(a) { ["v"] = N("0") }, Ct);
        await h.Client.PutItemAsync("events", new(b) { ["v"] = N("0") }, Ct);
        const int Rounds = 40;

        var writers = Enumerable.Range(0, Rounds).Select(_ => Task.Run(() => h.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [AddOne("events", b), AddOne(Tokens, a)],
        }, Ct)));
        var singles = Enumerable.Range(0, Rounds).Select(_ => Task.Run(() => h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Tokens,
            Key = a,
            UpdateExpression = "ADD w :one",
            ExpressionAttributeValues = new() { [":one"] = N("1") },
        }, Ct)));
        var readers = Enumerable.Range(0, Rounds).Select(_ => Task.Run(async () =>
        {
            var read = await h.Client.TransactGetItemsAsync(new TransactGetItemsRequest
            {
                TransactItems = [new() { Get = new Get { TableName = Tokens, Key = a } }, new() { Get = new Get { TableName = "events", Key = b } }],
            }, Ct);
            return (read.Responses[0].Item["v"].N, read.Responses[1].Item["v"].N);
        })).ToList();
        await Task.WhenAll(writers.Cast<Task>().Concat(singles).Concat(readers));

        Assert.All(readers, r => Assert.Equal(r.Result.Item1, r.Result.Item2));
        var finalA = (await GetAsync(h, Tokens, a))!;
        Assert.Equal($"{Rounds}", finalA["v"].N);
        Assert.Equal($"{Rounds}", finalA["w"].N);
        Assert.Equal($"{Rounds}", (await GetAsync(h, "events", b))!["v"].N);
    }
}
