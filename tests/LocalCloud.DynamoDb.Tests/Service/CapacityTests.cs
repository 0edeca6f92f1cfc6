using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.DynamoDb.Tests.Service.DynamoDbHarness;

namespace LocalCloud.DynamoDb.Tests.Service;

public class CapacityTests
{
    [Fact]
    public async Task PutItem_ItemOf1500Bytes_TwoWriteUnitsPlusGsi()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        // 5 ("jobId") + 2 ("j1") + 6 ("status") + 1 ("P") + 7 ("payload") + 1479 = 1500 bytes.
        var item = new Dictionary<string, AttributeValue> { ["jobId"] = S("j1"), ["status"] = S("P"), ["payload"] = S(new string('x', 1479)) };

        var put = await h.Client.PutItemAsync(new PutItemRequest { TableName = "poc-task-tokens", Item = item, ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES }, Ct);
        var withIndex = await h.Client.PutItemAsync(new PutItemRequest
        {
            TableName = "poc-task-tokens",
            Item = new() { ["jobId"] = S("j2"), ["status"] = S("P"), ["deadline"] = N("1") },
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        }, Ct);

        Assert.Equal(2.0, put.ConsumedCapacity.CapacityUnits);
        Assert.Equal("poc-task-tokens", put.ConsumedCapacity.TableName);
        Assert.True(put.ConsumedCapacity.GlobalSecondaryIndexes is null || put.ConsumedCapacity.GlobalSecondaryIndexes.Count == 0);
        Assert.Equal(2.0, withIndex.ConsumedCapacity.CapacityUnits);
        Assert.Equal(1.0, withIndex.ConsumedCapacity.Table.CapacityUnits);
        Assert.Equal(1.0, withIndex.ConsumedCapacity.GlobalSecondaryIndexes["status-index"].CapacityUnits);
        Assert.Equal(3.0, h.Usage.Get("dynamodb", "WriteCapacityUnits", "poc-task-tokens"));
        Assert.Equal(1.0, h.Usage.Get("dynamodb", "WriteCapacityUnits", "poc-task-tokens/index/status-index"));
    }

    [Fact]
    public async Task GetItem_EventualVersusStrong_HalfAndFullUnits()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync("poc-task-tokens", new() { ["jobId"] = S("j1"), ["payload"] = S(new string('x', 5000)) }, Ct);
        Task<GetItemResponse> Get(bool consistent) => h.Client.GetItemAsync(new GetItemRequest
        {
            TableName = "poc-task-tokens",
            Key = new() { ["jobId"] = S("j1") },
            ConsistentRead = consistent,
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        }, Ct);

        var eventual = await Get(false);
        var strong = await Get(true);

        // 5014 bytes round up to 8 KB: 2 units strongly consistent, 1 eventually.
        Assert.Equal(1.0, eventual.ConsumedCapacity.CapacityUnits);
        Assert.Equal(2.0, strong.ConsumedCapacity.CapacityUnits);
        Assert.Equal(3.0, h.Usage.Get("dynamodb", "ReadCapacityUnits", "poc-task-tokens"));
    }

    [Fact]
    public async Task UpdateItem_ChangingGsiKey_CountsTwoIndexWrites()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync("poc-task-tokens", new() { ["jobId"] = S("j1"), ["status"] = S("PENDING"), ["deadline"] = N("1") }, Ct);

        var update = await h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "poc-task-tokens",
            Key = new() { ["jobId"] = S("j1") },
            UpdateExpression = "SET #s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = S("COMPLETED") },
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        }, Ct);

        Assert.Equal(1.0, update.ConsumedCapacity.Table.CapacityUnits);
        Assert.Equal(2.0, update.ConsumedCapacity.GlobalSecondaryIndexes["status-index"].CapacityUnits);
        Assert.Equal(3.0, update.ConsumedCapacity.CapacityUnits);
    }

    [Fact]
    public async Task QueryOnGsi_ChargesIndexOverTotalSizeRead()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        for (var i = 0; i < 3; i++)
        {
            await h.Client.PutItemAsync("poc-task-tokens", new() { ["jobId"] = S($"j{i}"), ["status"] = S("P"), ["deadline"] = N($"{i}"), ["pad"] = S(new string('x', 2000)) }, Ct);
        }

        var query = await h.Client.QueryAsync(new QueryRequest
        {
            TableName = "poc-task-tokens",
            IndexName = "status-index",
            KeyConditionExpression = "#s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = S("P") },
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        }, Ct);

        // ~6 KB read in total rounds to 8 KB: 2 units, halved for eventual consistency; not 3 × 0.5 per item.
        Assert.Equal(1.0, query.ConsumedCapacity.CapacityUnits);
        Assert.Equal(1.0, query.ConsumedCapacity.GlobalSecondaryIndexes["status-index"].CapacityUnits);
        Assert.Equal(1.0, h.Usage.Get("dynamodb", "ReadCapacityUnits", "poc-task-tokens/index/status-index"));
    }

    [Fact]
    public async Task ConditionalCheckFailure_StillConsumesWriteUnits()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync("poc-task-tokens", new() { ["jobId"] = S("j1") }, Ct);

        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => h.Client.PutItemAsync(new PutItemRequest
        {
            TableName = "poc-task-tokens",
            Item = new() { ["jobId"] = S("j1") },
            ConditionExpression = "attribute_not_exists(jobId)",
        }, Ct));

        Assert.Equal(2.0, h.Usage.Get("dynamodb", "WriteCapacityUnits", "poc-task-tokens"));
    }
}
