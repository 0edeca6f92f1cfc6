using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LocalCloud.Core.Persistence;
using Microsoft.Extensions.Time.Testing;
using static LocalCloud.DynamoDb.Tests.Service.DynamoDbHarness;

namespace LocalCloud.DynamoDb.Tests.Service;

/// <summary>
/// --data: a service over a durable store is dropped (the crash) and a new one built over the same store
/// (the restart); what was acknowledged before must be there, through the real wire operations.
/// </summary>
public class PersistenceTests
{
    private const string Tokens = "poc-task-tokens";
    private const string TokensArn = "arn:aws:dynamodb:us-east-1:000000000000:table/poc-task-tokens";

    private static Dictionary<string, AttributeValue> JobKey(string id) => new() { ["jobId"] = S(id) };

    private static Dictionary<string, AttributeValue> Job(string id, string status, string deadline) => new() { ["jobId"] = S(id), ["status"] = S(status), ["deadline"] = N(deadline) };

    private static async Task<Dictionary<string, AttributeValue>?> GetAsync(DynamoDbHarness h, string table, Dictionary<string, AttributeValue> key)
    {
        var item = (await h.Client.GetItemAsync(table, key, Ct)).Item;
        return item is null || item.Count == 0 ? null : item;
    }

    private static async Task<List<string>> ScanIdsAsync(DynamoDbHarness h, string table = Tokens)
        => [.. (await h.Client.ScanAsync(new ScanRequest { TableName = table }, Ct)).Items.Select(i => i["jobId"].S).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Restart_TableWithGsiLsiTtlTags_DescribedAsBefore()
    {
        var store = new InMemoryDurableStore();
        TableDescription before;
        using (var h = new DynamoDbHarness(store))
        {
            await h.CreateTaskTokensTableAsync();
            await h.Client.CreateTableAsync(new CreateTableRequest
            {
                TableName = "orders",
                BillingMode = BillingMode.PROVISIONED,
                ProvisionedThroughput = new ProvisionedThroughput(5, 7),
                AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.N), new("placed", ScalarAttributeType.S)],
                KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
                LocalSecondaryIndexes =
                [
                    new LocalSecondaryIndex
                    {
                        IndexName = "by-placed",
                        KeySchema = [new("pk", KeyType.HASH), new("placed", KeyType.RANGE)],
                        Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["total"] },
                    },
                ],
                DeletionProtectionEnabled = true,
            }, Ct);
            await h.Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = Tokens,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expiresAt", Enabled = true },
            }, Ct);
            await h.Client.TagResourceAsync(new TagResourceRequest { ResourceArn = TokensArn, Tags = [new Tag { Key = "project", Value = "poc" }] }, Ct);
            before = (await h.Client.DescribeTableAsync(Tokens, Ct)).Table;
        }

        using var restarted = new DynamoDbHarness(store);
        var after = (await restarted.Client.DescribeTableAsync(Tokens, Ct)).Table;
        var orders = (await restarted.Client.DescribeTableAsync("orders", Ct)).Table;
        var ttl = await restarted.Client.DescribeTimeToLiveAsync(Tokens, Ct);
        var tags = await restarted.Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = TokensArn }, Ct);
        var tables = await restarted.Client.ListTablesAsync(new ListTablesRequest(), Ct);

        Assert.Equal(["orders", Tokens], tables.TableNames);
        Assert.Equal(before.TableId, after.TableId);
        Assert.Equal(before.TableArn, after.TableArn);
        Assert.Equal(before.CreationDateTime, after.CreationDateTime);
        Assert.Equal("ACTIVE", after.TableStatus.Value);
        Assert.Equal("PAY_PER_REQUEST", after.BillingModeSummary.BillingMode.Value);
        Assert.Equal(["jobId:HASH"], after.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"));
        Assert.Equal(["deadline:N", "jobId:S", "status:S"], after.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType.Value}").Order());
        var gsi = Assert.Single(after.GlobalSecondaryIndexes);
        Assert.Equal("status-index", gsi.IndexName);
        Assert.Equal(["status:HASH", "deadline:RANGE"], gsi.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"));
        Assert.Equal("ALL", gsi.Projection.ProjectionType.Value);
        Assert.Equal("ENABLED", ttl.TimeToLiveDescription.TimeToLiveStatus.Value);
        Assert.Equal("expiresAt", ttl.TimeToLiveDescription.AttributeName);
        Assert.Equal(["project=poc"], tags.Tags.Select(t => $"{t.Key}={t.Value}"));
        var lsi = Assert.Single(orders.LocalSecondaryIndexes);
        Assert.Equal("by-placed", lsi.IndexName);
        Assert.Equal(["total"], lsi.Projection.NonKeyAttributes);
        Assert.Equal(5, orders.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(7, orders.ProvisionedThroughput.WriteCapacityUnits);
        Assert.True(orders.DeletionProtectionEnabled);
    }

    [Fact]
    public async Task Restart_AfterPutUpdateDelete_ItemsAsLastWritten()
    {
        var store = new InMemoryDurableStore();
        using (var h = new DynamoDbHarness(store))
        {
            await h.CreateTaskTokensTableAsync();
            await h.Client.PutItemAsync(Tokens, new(Job("a", "PENDING", "10")) { ["token"] = S("tok-a"), ["tags"] = new AttributeValue { SS = ["x", "y"] } }, Ct);
            await h.Client.PutItemAsync(Tokens, Job("b", "PENDING", "20"), Ct);
            await h.Client.PutItemAsync(Tokens, Job("c", "PENDING", "30"), Ct);
            await h.Client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Tokens,
                Key = JobKey("b"),
                UpdateExpression = "SET #s = :done, attempts = :one",
                ExpressionAttributeNames = new() { ["#s"] = "status" },
                ExpressionAttributeValues = new() { [":done"] = S("DONE"), [":one"] = N("1") },
            }, Ct);
            await h.Client.DeleteItemAsync(Tokens, JobKey("c"), Ct);
        }

        using var restarted = new DynamoDbHarness(store);
        var a = await GetAsync(restarted, Tokens, JobKey("a"));
        var b = await GetAsync(restarted, Tokens, JobKey("b"));

        Assert.Equal(["a", "b"], await ScanIdsAsync(restarted));
        Assert.Equal("tok-a", a!["token"].S);
        Assert.Equal(["x", "y"], a["tags"].SS.Order());
        Assert.Equal("DONE", b!["status"].S);
        Assert.Equal("1", b["attempts"].N);
        Assert.Equal(2, (await restarted.Client.DescribeTableAsync(Tokens, Ct)).Table.ItemCount);
    }

    [Fact]
    public async Task Restart_NumberKeyWrittenInAnotherForm_IsOneItem()
    {
        var store = new InMemoryDurableStore();
        using (var h = new DynamoDbHarness(store))
        {
            await h.CreateRangeTableAsync();
            await h.Client.PutItemAsync("events", new() { ["pk"] = S("p"), ["sk"] = N("5.0"), ["v"] = S("first") }, Ct);
            await h.Client.PutItemAsync("events", new() { ["pk"] = S("p"), ["sk"] = N("5"), ["v"] = S("second") }, Ct);
            await h.Client.PutItemAsync("events", new() { ["pk"] = S("p"), ["sk"] = N("0.50E1"), ["v"] = S("third") }, Ct);
            await h.Client.PutItemAsync("events", new() { ["pk"] = S("p"), ["sk"] = N("6"), ["v"] = S("other") }, Ct);
            await h.Client.DeleteItemAsync("events", new() { ["pk"] = S("p"), ["sk"] = N("6.00") }, Ct);
        }

        using var restarted = new DynamoDbHarness(store);
        var items = (await restarted.Client.ScanAsync(new ScanRequest { TableName = "events" }, Ct)).Items;

        var item = Assert.Single(items);
        Assert.Equal("third", item["v"].S);
    }

    [Fact]
    public async Task Restart_AfterBatchWriteItem_PutsAndDeletesKept()
    {
        var store = new InMemoryDurableStore();
        using (var h = new DynamoDbHarness(store))
        {
            await h.CreateTaskTokensTableAsync();
            await h.Client.PutItemAsync(Tokens, Job("old", "PENDING", "1"), Ct);
            await h.Client.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new()
                {
                    [Tokens] =
                    [
                        new WriteRequest(new PutRequest(Job("n1", "PENDING", "2"))),
                        new WriteRequest(new PutRequest(Job("n2", "PENDING", "3"))),
                        new WriteRequest(new DeleteRequest(JobKey("old"))),
                    ],
                },
            }, Ct);
        }

        using var restarted = new DynamoDbHarness(store);

        Assert.Equal(["n1", "n2"], await ScanIdsAsync(restarted));
    }

    [Fact]
    public async Task TransactWriteItems_Durable_AllItemsInOneAtomicWriteThenBackAfterRestart()
    {
        var store = new RecordingDurableStore();
        using (var h = new DynamoDbHarness(store))
        {
            await h.CreateTaskTokensTableAsync();
            await h.CreateRangeTableAsync();
            await h.Client.PutItemAsync(Tokens, Job("gone", "PENDING", "1"), Ct);
            var writesBefore = store.Writes.Count;

            await h.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new() { Put = new Put { TableName = Tokens, Item = Job("new", "PENDING", "2"), ConditionExpression = "attribute_not_exists(jobId)" } },
                    new() { Delete = new Delete { TableName = Tokens, Key = JobKey("gone") } },
                    new() { Update = new Update { TableName = "events", Key = new() { ["pk"] = S("e"), ["sk"] = N("1") }, UpdateExpression = "SET v = :v", ExpressionAttributeValues = new() { [":v"] = S("set") } } },
                    new() { ConditionCheck = new ConditionCheck { TableName = Tokens, Key = JobKey("absent"), ConditionExpression = "attribute_not_exists(jobId)" } },
                ],
            }, Ct);

            var transaction = Assert.Single(store.Writes.Skip(writesBefore));
            Assert.Equal(3, transaction.Count);
            Assert.Equal(2, transaction.OfType<DurableChange.Put>().Count());
            Assert.Single(transaction.OfType<DurableChange.Delete>());
        }

        using var restarted = new DynamoDbHarness(store);

        Assert.Equal(["new"], await ScanIdsAsync(restarted));
        Assert.Equal("set", (await GetAsync(restarted, "events", new() { ["pk"] = S("e"), ["sk"] = N("1") }))!["v"].S);
    }

    [Fact]
    public async Task TransactWriteItems_Cancelled_WritesNothingDurable()
    {
        var store = new InMemoryDurableStore();
        using (var h = new DynamoDbHarness(store))
        {
            await h.CreateTaskTokensTableAsync();
            await h.Client.PutItemAsync(Tokens, Job("taken", "PENDING", "1"), Ct);
            var changesBefore = store.ChangeCount;

            await Assert.ThrowsAsync<TransactionCanceledException>(() => h.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new() { Put = new Put { TableName = Tokens, Item = Job("fresh", "PENDING", "2") } },
                    new() { Put = new Put { TableName = Tokens, Item = Job("taken", "DONE", "3"), ConditionExpression = "attribute_not_exists(jobId)" } },
                ],
            }, Ct));

            Assert.Equal(changesBefore, store.ChangeCount);
        }

        using var restarted = new DynamoDbHarness(store);

        Assert.Equal(["taken"], await ScanIdsAsync(restarted));
        Assert.Equal("PENDING", (await GetAsync(restarted, Tokens, JobKey("taken")))!["status"].S);
    }

    [Fact]
    public async Task Restart_DeletedTable_GoneWithItsItemsAndARecreatedOneStartsEmpty()
    {
        var store = new InMemoryDurableStore();
        using (var h = new DynamoDbHarness(store))
        {
            await h.CreateTaskTokensTableAsync();
            await h.CreateTaskTokensTableAsync("keep");
            await h.Client.PutItemAsync(Tokens, Job("a", "PENDING", "1"), Ct);
            await h.Client.PutItemAsync("keep", Job("k", "PENDING", "1"), Ct);
            await h.Client.DeleteTableAsync(Tokens, Ct);
        }

        using (var h = new DynamoDbHarness(store))
        {
            await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.DescribeTableAsync(Tokens, Ct));
            Assert.Equal(["keep"], (await h.Client.ListTablesAsync(new ListTablesRequest(), Ct)).TableNames);
            Assert.Equal(["k"], await ScanIdsAsync(h, "keep"));
            Assert.DoesNotContain(store.Load("dynamodb.items"), r => r.Key.Contains("/poc-task-tokens/", StringComparison.Ordinal));
            await h.CreateTaskTokensTableAsync();
        }

        using var restarted = new DynamoDbHarness(store);

        Assert.Empty(await ScanIdsAsync(restarted));
        Assert.Equal(0, (await restarted.Client.DescribeTableAsync(Tokens, Ct)).Table.ItemCount);
    }

    [Fact]
    public async Task Restart_QueryOnGsi_IndexRebuiltFromItems()
    {
        var store = new InMemoryDurableStore();
        using (var h = new DynamoDbHarness(store))
        {
            await h.CreateTaskTokensTableAsync();
            await h.Client.PutItemAsync(Tokens, Job("late", "PENDING", "300"), Ct);
            await h.Client.PutItemAsync(Tokens, Job("early", "PENDING", "100"), Ct);
            await h.Client.PutItemAsync(Tokens, Job("done", "DONE", "200"), Ct);
            await h.Client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Tokens,
                Key = JobKey("late"),
                UpdateExpression = "SET deadline = :d",
                ExpressionAttributeValues = new() { [":d"] = N("50") },
            }, Ct);
        }

        using var restarted = new DynamoDbHarness(store);
        var pending = await restarted.Client.QueryAsync(new QueryRequest
        {
            TableName = Tokens,
            IndexName = "status-index",
            KeyConditionExpression = "#s = :p AND deadline < :limit",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":p"] = S("PENDING"), [":limit"] = N("250") },
        }, Ct);

        Assert.Equal(["late", "early"], pending.Items.Select(i => i["jobId"].S));
    }

    [Fact]
    public async Task Restart_AfterTtlSweep_ExpiredItemStaysDeleted()
    {
        var store = new InMemoryDurableStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using (var h = new DynamoDbHarness(store, time))
        {
            await h.CreateTaskTokensTableAsync();
            await h.Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = Tokens,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expiresAt", Enabled = true },
            }, Ct);
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            await h.Client.PutItemAsync(Tokens, new(Job("expired", "PENDING", "1")) { ["expiresAt"] = N($"{now - 5}") }, Ct);
            await h.Client.PutItemAsync(Tokens, new(Job("alive", "PENDING", "1")) { ["expiresAt"] = N($"{now + 3600}") }, Ct);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        using var restarted = new DynamoDbHarness(store, time);

        Assert.Equal(["alive"], await ScanIdsAsync(restarted));
    }

    [Fact]
    public async Task Restart_UpdateTableAddedGsi_QueryableFromItems()
    {
        var store = new InMemoryDurableStore();
        using (var h = new DynamoDbHarness(store))
        {
            await h.CreateRangeTableAsync();
            await h.Client.PutItemAsync("events", new() { ["pk"] = S("p"), ["sk"] = N("1"), ["kind"] = S("click") }, Ct);
            await h.Client.UpdateTableAsync(new UpdateTableRequest
            {
                TableName = "events",
                AttributeDefinitions = [new("kind", ScalarAttributeType.S)],
                GlobalSecondaryIndexUpdates =
                [
                    new GlobalSecondaryIndexUpdate
                    {
                        Create = new CreateGlobalSecondaryIndexAction
                        {
                            IndexName = "by-kind",
                            KeySchema = [new("kind", KeyType.HASH)],
                            Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                        },
                    },
                ],
            }, Ct);
        }

        using var restarted = new DynamoDbHarness(store);
        var clicks = await restarted.Client.QueryAsync(new QueryRequest
        {
            TableName = "events",
            IndexName = "by-kind",
            KeyConditionExpression = "kind = :k",
            ExpressionAttributeValues = new() { [":k"] = S("click") },
        }, Ct);

        Assert.Equal("p", Assert.Single(clicks.Items)["pk"].S);
    }
}
