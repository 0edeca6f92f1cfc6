using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.DynamoDb.Tests.Service.DynamoDbHarness;

namespace LocalCloud.DynamoDb.Tests.Service;

public class QueryScanTests
{
    private static async Task PutJobAsync(DynamoDbHarness h, string id, string? status, string deadline)
    {
        var item = new Dictionary<string, AttributeValue> { ["jobId"] = S(id), ["deadline"] = N(deadline) };
        if (status is not null)
        {
            item["status"] = S(status);
        }
        await h.Client.PutItemAsync("poc-task-tokens", item, Ct);
    }

    private static Task<QueryResponse> PendingAsync(DynamoDbHarness h, string status = "PENDING") => h.Client.QueryAsync(new QueryRequest
    {
        TableName = "poc-task-tokens",
        IndexName = "status-index",
        KeyConditionExpression = "#s = :s",
        ExpressionAttributeNames = new() { ["#s"] = "status" },
        ExpressionAttributeValues = new() { [":s"] = S(status) },
    }, Ct);

    [Fact]
    public async Task Query_Gsi_FollowsUpdatesDeletesAndSkipsItemsWithoutIndexKey()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await PutJobAsync(h, "j1", "PENDING", "30");
        await PutJobAsync(h, "j2", "PENDING", "10");
        await PutJobAsync(h, "j3", "PENDING", "20");
        await PutJobAsync(h, "j4", null, "5");

        await h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "poc-task-tokens",
            Key = new() { ["jobId"] = S("j3") },
            UpdateExpression = "SET #s = :done",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":done"] = S("COMPLETED") },
        }, Ct);
        await h.Client.DeleteItemAsync("poc-task-tokens", new() { ["jobId"] = S("j1") }, Ct);
        await PutJobAsync(h, "j5", "PENDING", "1");

        var pending = await PendingAsync(h);
        var completed = await PendingAsync(h, "COMPLETED");

        Assert.Equal(["j5", "j2"], pending.Items.Select(i => i["jobId"].S));
        Assert.Equal(["j3"], completed.Items.Select(i => i["jobId"].S));
        var all = await h.Client.ScanAsync(new ScanRequest { TableName = "poc-task-tokens", IndexName = "status-index" }, Ct);
        Assert.Equal(3, all.Count);
    }

    [Fact]
    public async Task Query_RangeConditionsAndDirection_OrderNumerically()
    {
        using var h = new DynamoDbHarness();
        await h.CreateRangeTableAsync();
        foreach (var sk in new[] { "2", "10", "1", "-5", "100" })
        {
            await h.Client.PutItemAsync("events", new() { ["pk"] = S("a"), ["sk"] = N(sk) }, Ct);
        }
        await h.Client.PutItemAsync("events", new() { ["pk"] = S("b"), ["sk"] = N("3") }, Ct);
        async Task<IEnumerable<string>> Keys(string condition, bool forward = true, Dictionary<string, AttributeValue>? extra = null)
        {
            var values = new Dictionary<string, AttributeValue> { [":pk"] = S("a") };
            foreach (var (k, v) in extra ?? [])
            {
                values[k] = v;
            }
            var r = await h.Client.QueryAsync(new QueryRequest { TableName = "events", KeyConditionExpression = condition, ExpressionAttributeValues = values, ScanIndexForward = forward }, Ct);
            return r.Items.Select(i => i["sk"].N);
        }

        Assert.Equal(["-5", "1", "2", "10", "100"], await Keys("pk = :pk"));
        Assert.Equal(["100", "10", "2", "1", "-5"], await Keys("pk = :pk", forward: false));
        Assert.Equal(["1", "2", "10"], await Keys("pk = :pk AND sk BETWEEN :lo AND :hi", extra: new() { [":lo"] = N("1"), [":hi"] = N("10") }));
        Assert.Equal(["10", "100"], await Keys("sk > :x AND pk = :pk", extra: new() { [":x"] = N("2") }));
    }

    [Fact]
    public async Task Query_StringSortKeyConditions_ReadOnlyTheMatchingRunInBothDirections()
    {
        using var h = new DynamoDbHarness();
        await h.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "jobs",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
        }, Ct);
        // Matches sit between non-matches on both sides; U+FFFD and a surrogate pair sort last (UTF-8 order).
        foreach (var sk in new[] { "a", "job", "job#1", "job#2", "job#3", "job$", "jobs", "z", "\uFFFD", "\uFFFDz", "\uD800\uDC00" })
        {
            await h.Client.PutItemAsync("jobs", new() { ["pk"] = S("p"), ["sk"] = S(sk) }, Ct);
        }
        await h.Client.PutItemAsync("jobs", new() { ["pk"] = S("q"), ["sk"] = S("job#9") }, Ct);
        async Task<List<string>> Keys(string condition, AttributeValue value, bool forward = true, int? limit = null)
        {
            var keys = new List<string>();
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await h.Client.QueryAsync(new QueryRequest
                {
                    TableName = "jobs",
                    KeyConditionExpression = "pk = :pk AND " + condition,
                    ExpressionAttributeValues = new() { [":pk"] = S("p"), [":v"] = value },
                    ScanIndexForward = forward,
                    Limit = limit,
                    ExclusiveStartKey = start,
                }, Ct);
                keys.AddRange(page.Items.Select(i => i["sk"].S));
                start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
            }
            while (start is not null);
            return keys;
        }

        Assert.Equal(["job#1", "job#2", "job#3"], await Keys("begins_with(sk, :v)", S("job#")));
        Assert.Equal(["job#3", "job#2", "job#1"], await Keys("begins_with(sk, :v)", S("job#"), forward: false));
        Assert.Equal(["job#1", "job#2", "job#3"], await Keys("begins_with(sk, :v)", S("job#"), limit: 2));
        Assert.Equal(["job#2"], await Keys("sk = :v", S("job#2")));
        Assert.Equal(["job#2"], await Keys(":v = sk", S("job#2")));
        Assert.Equal(["job$", "jobs", "z", "\uFFFD", "\uFFFDz", "\uD800\uDC00"], await Keys("sk > :v", S("job#3")));
        Assert.Equal(["a", "job", "job#1"], await Keys(":v > sk", S("job#2")));
        Assert.Equal(["\uFFFD", "\uFFFDz"], await Keys("begins_with(sk, :v)", S("\uFFFD")));
    }

    [Fact]
    public async Task Query_LimitPaging_VisitsEveryItemOnce()
    {
        using var h = new DynamoDbHarness();
        await h.CreateRangeTableAsync();
        for (var i = 0; i < 7; i++)
        {
            await h.Client.PutItemAsync("events", new() { ["pk"] = S("a"), ["sk"] = N(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) }, Ct);
        }

        var seen = new List<string>();
        var pages = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await h.Client.QueryAsync(new QueryRequest
            {
                TableName = "events",
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new() { [":pk"] = S("a") },
                Limit = 3,
                ScanIndexForward = false,
                ExclusiveStartKey = start,
            }, Ct);
            seen.AddRange(page.Items.Select(i => i["sk"].N));
            start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
            pages++;
        }
        while (start is not null);

        Assert.Equal(["6", "5", "4", "3", "2", "1", "0"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Query_FilterAndSelectCount_CountsBeforeAndAfterFilter()
    {
        using var h = new DynamoDbHarness();
        await h.CreateRangeTableAsync();
        for (var i = 1; i <= 5; i++)
        {
            await h.Client.PutItemAsync("events", new() { ["pk"] = S("a"), ["sk"] = N($"{i}"), ["even"] = new AttributeValue { BOOL = i % 2 == 0 } }, Ct);
        }

        var result = await h.Client.QueryAsync(new QueryRequest
        {
            TableName = "events",
            KeyConditionExpression = "pk = :pk",
            FilterExpression = "even = :t",
            ExpressionAttributeValues = new() { [":pk"] = S("a"), [":t"] = new AttributeValue { BOOL = true } },
            Select = Select.COUNT,
        }, Ct);

        Assert.Equal(2, result.Count);
        Assert.Equal(5, result.ScannedCount);
        Assert.True(result.Items is null || result.Items.Count == 0);
    }

    [Fact]
    public async Task Query_BadKeyConditions_AwsMessages()
    {
        using var h = new DynamoDbHarness();
        await h.CreateRangeTableAsync();
        async Task<string> Fails(string condition)
            => (await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.QueryAsync(new QueryRequest
            {
                TableName = "events",
                KeyConditionExpression = condition,
                ExpressionAttributeValues = new() { [":v"] = N("1") },
            }, Ct))).Message;

        Assert.Equal("Query condition missed key schema element: pk", await Fails("sk = :v"));
        Assert.Equal("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR", await Fails("pk = :v OR sk = :v"));
        Assert.Equal("One or more parameter values were invalid: Condition parameter type does not match schema type", await Fails("pk = :v"));
    }

    [Fact]
    public async Task Query_ConsistentReadOnGsi_ValidationException()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.QueryAsync(new QueryRequest
        {
            TableName = "poc-task-tokens",
            IndexName = "status-index",
            ConsistentRead = true,
            KeyConditionExpression = "#s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = S("PENDING") },
        }, Ct));

        Assert.Equal("Consistent reads are not supported on global secondary indexes", e.Message);
    }

    [Fact]
    public async Task Scan_SegmentsAndPaging_CoverEveryItemExactlyOnce()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        for (var i = 0; i < 20; i++)
        {
            await PutJobAsync(h, $"job-{i}", i % 3 == 0 ? "FAILED" : "PENDING", $"{i}");
        }

        var seen = new List<string>();
        for (var segment = 0; segment < 3; segment++)
        {
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await h.Client.ScanAsync(new ScanRequest
                {
                    TableName = "poc-task-tokens",
                    Segment = segment,
                    TotalSegments = 3,
                    Limit = 4,
                    ExclusiveStartKey = start,
                    FilterExpression = "#s = :p",
                    ExpressionAttributeNames = new() { ["#s"] = "status" },
                    ExpressionAttributeValues = new() { [":p"] = S("PENDING") },
                }, Ct);
                seen.AddRange(page.Items.Select(i => i["jobId"].S));
                start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
            }
            while (start is not null);
        }

        var expected = Enumerable.Range(0, 20).Where(i => i % 3 != 0).Select(i => $"job-{i}").Order().ToList();
        Assert.Equal(expected, seen.Order().ToList());
    }
}
