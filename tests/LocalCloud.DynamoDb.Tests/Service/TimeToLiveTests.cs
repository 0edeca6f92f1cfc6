using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.DynamoDb.Tests.Service.DynamoDbHarness;

namespace LocalCloud.DynamoDb.Tests.Service;

public class TimeToLiveTests
{
    private const string Tokens = "poc-task-tokens";

    private static Task<UpdateTimeToLiveResponse> SetAsync(DynamoDbHarness h, bool enabled, string attribute = "expiresAt")
        => h.Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = Tokens,
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attribute, Enabled = enabled },
        }, Ct);

    [Fact]
    public async Task UpdateTimeToLive_EnableThenDisable_DescribeFollowsAndRepeatsAreRejected()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var before = await h.Client.DescribeTimeToLiveAsync(Tokens, Ct);
        var enabled = await SetAsync(h, true);
        var described = await h.Client.DescribeTimeToLiveAsync(Tokens, Ct);
        var again = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => SetAsync(h, true));
        var wrongName = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => SetAsync(h, false, "other"));
        await SetAsync(h, false);
        var after = await h.Client.DescribeTimeToLiveAsync(Tokens, Ct);
        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.DescribeTimeToLiveAsync("nope", Ct));

        Assert.Equal("DISABLED", before.TimeToLiveDescription.TimeToLiveStatus.Value);
        Assert.True(enabled.TimeToLiveSpecification.Enabled);
        Assert.Equal("ENABLED", described.TimeToLiveDescription.TimeToLiveStatus.Value);
        Assert.Equal("expiresAt", described.TimeToLiveDescription.AttributeName);
        Assert.Equal("TimeToLive is already enabled", again.Message);
        Assert.Equal("TimeToLive is active on a different AttributeName: current AttributeName is expiresAt", wrongName.Message);
        Assert.Equal("DISABLED", after.TimeToLiveDescription.TimeToLiveStatus.Value);
        Assert.Equal("Requested resource not found: Table: nope not found", missing.Message);
    }

    [Fact]
    public async Task TimeToLive_ExpiredItems_ReadableUntilTheNextSweepThenGoneFromTableAndIndex()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await SetAsync(h, true);
        var now = h.Time.GetUtcNow().ToUnixTimeSeconds();
        async Task PutAsync(string id, AttributeValue? expiresAt)
        {
            var item = new Dictionary<string, AttributeValue> { ["jobId"] = S(id), ["status"] = S("PENDING"), ["deadline"] = N("1") };
            if (expiresAt is not null)
            {
                item["expiresAt"] = expiresAt;
            }
            await h.Client.PutItemAsync(Tokens, item, Ct);
        }
        await PutAsync("expired", N($"{now - 10}"));
        await PutAsync("future", N($"{now + 3600}"));
        await PutAsync("text", S($"{now - 10}"));
        await PutAsync("ancient", N($"{now - (6L * 365 * 24 * 3600)}"));
        await PutAsync("none", null);

        var beforeSweep = await h.Client.GetItemAsync(Tokens, new() { ["jobId"] = S("expired") }, Ct);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var remaining = await h.Client.ScanAsync(new ScanRequest { TableName = Tokens }, Ct);
        var indexed = await h.Client.QueryAsync(new QueryRequest
        {
            TableName = Tokens,
            IndexName = "status-index",
            KeyConditionExpression = "#s = :p",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":p"] = S("PENDING") },
        }, Ct);

        Assert.Equal("expired", beforeSweep.Item["jobId"].S);
        Assert.Equal(["ancient", "future", "none", "text"], remaining.Items.Select(i => i["jobId"].S).Order());
        Assert.Equal(4, indexed.Count);
        Assert.Equal(5.0, h.Usage.Get("dynamodb", "WriteCapacityUnits", Tokens)); // the five puts only: TTL deletes are free
    }

    [Fact]
    public async Task TimeToLive_Disabled_NothingIsSwept()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync(Tokens, new() { ["jobId"] = S("j1"), ["expiresAt"] = N("1") }, Ct);

        h.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, (await h.Client.ScanAsync(new ScanRequest { TableName = Tokens }, Ct)).Count);
    }
}
