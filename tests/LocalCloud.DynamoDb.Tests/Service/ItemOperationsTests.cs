using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.DynamoDb.Tests.Service.DynamoDbHarness;

namespace LocalCloud.DynamoDb.Tests.Service;

public class ItemOperationsTests
{
    private static Dictionary<string, AttributeValue> Job(string id, string status, string deadline, string attempts = "0") => new()
    {
        ["jobId"] = S(id),
        ["status"] = S(status),
        ["deadline"] = N(deadline),
        ["attempts"] = N(attempts),
    };

    [Fact]
    public async Task PutItem_AttributeNotExists_SecondPutFailsAndKeepsFirst()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        var put = new PutItemRequest { TableName = "poc-task-tokens", Item = Job("j1", "PENDING", "100"), ConditionExpression = "attribute_not_exists(jobId)" };

        await h.Client.PutItemAsync(put, Ct);
        put.Item = Job("j1", "OTHER", "200");
        var e = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => h.Client.PutItemAsync(put, Ct));

        Assert.Equal("The conditional request failed", e.Message);
        var stored = (await h.Client.GetItemAsync("poc-task-tokens", new() { ["jobId"] = S("j1") }, Ct)).Item;
        Assert.Equal("PENDING", stored["status"].S);
    }

    [Fact]
    public async Task UpdateItem_TwoRacingGuardedUpdates_ExactlyOneWins()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync("poc-task-tokens", Job("j1", "PENDING", "100", attempts: "3"), Ct);
        UpdateItemRequest Guarded() => new()
        {
            TableName = "poc-task-tokens",
            Key = new() { ["jobId"] = S("j1") },
            UpdateExpression = "SET attempts = attempts + :one",
            ConditionExpression = "attempts = :expected",
            ExpressionAttributeValues = new() { [":one"] = N("1"), [":expected"] = N("3") },
        };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await h.Client.UpdateItemAsync(Guarded(), Ct);
                return true;
            }
            catch (ConditionalCheckFailedException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        var stored = (await h.Client.GetItemAsync("poc-task-tokens", new() { ["jobId"] = S("j1") }, Ct)).Item;
        Assert.Equal("4", stored["attempts"].N);
    }

    [Fact]
    public async Task UpdateItem_ReturnValues_AllFiveModes()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync("poc-task-tokens", Job("j1", "PENDING", "100", attempts: "1"), Ct);
        Task<UpdateItemResponse> Update(ReturnValue mode, string status) => h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "poc-task-tokens",
            Key = new() { ["jobId"] = S("j1") },
            UpdateExpression = "SET #s = :s ADD attempts :one",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = S(status), [":one"] = N("1") },
            ReturnValues = mode,
        }, Ct);

        var updatedNew = await Update(ReturnValue.UPDATED_NEW, "RUNNING");
        var updatedOld = await Update(ReturnValue.UPDATED_OLD, "DONE");
        var allOld = await Update(ReturnValue.ALL_OLD, "DONE2");
        var allNew = await Update(ReturnValue.ALL_NEW, "DONE3");
        var none = await Update(ReturnValue.NONE, "DONE4");

        Assert.Equal(["attempts", "status"], updatedNew.Attributes.Keys.Order());
        Assert.Equal("RUNNING", updatedNew.Attributes["status"].S);
        Assert.Equal("2", updatedNew.Attributes["attempts"].N);
        Assert.Equal("RUNNING", updatedOld.Attributes["status"].S);
        Assert.Equal("2", updatedOld.Attributes["attempts"].N);
        Assert.Equal(4, allOld.Attributes.Count);
        Assert.Equal("DONE", allOld.Attributes["status"].S);
        Assert.Equal("DONE3", allNew.Attributes["status"].S);
        Assert.Equal("5", allNew.Attributes["attempts"].N);
        Assert.True(none.Attributes is null || none.Attributes.Count == 0);
    }

    [Fact]
    public async Task PutAndDelete_ReturnAllOld_GiveReplacedItem()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync("poc-task-tokens", Job("j1", "PENDING", "100"), Ct);

        var put = await h.Client.PutItemAsync(new PutItemRequest { TableName = "poc-task-tokens", Item = Job("j1", "RUNNING", "100"), ReturnValues = ReturnValue.ALL_OLD }, Ct);
        var deleted = await h.Client.DeleteItemAsync(new DeleteItemRequest { TableName = "poc-task-tokens", Key = new() { ["jobId"] = S("j1") }, ReturnValues = ReturnValue.ALL_OLD }, Ct);
        var gone = await h.Client.GetItemAsync("poc-task-tokens", new() { ["jobId"] = S("j1") }, Ct);

        Assert.Equal("PENDING", put.Attributes["status"].S);
        Assert.Equal("RUNNING", deleted.Attributes["status"].S);
        Assert.False(gone.IsItemSet);
    }

    [Fact]
    public async Task DeleteItem_ConditionFailsWithReturnOldOnFailure_ErrorCarriesItem()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync("poc-task-tokens", Job("j1", "PENDING", "100"), Ct);

        var e = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => h.Client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = "poc-task-tokens",
            Key = new() { ["jobId"] = S("j1") },
            ConditionExpression = "#s = :done",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":done"] = S("DONE") },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }, Ct));

        Assert.Equal("PENDING", e.Item["status"].S);
    }

    [Fact]
    public async Task GetItem_ProjectionExpression_ReturnsOnlyRequestedPaths()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        var item = Job("j1", "PENDING", "100");
        item["result"] = new AttributeValue { M = new() { ["code"] = N("7"), ["detail"] = S("x") } };
        await h.Client.PutItemAsync("poc-task-tokens", item, Ct);

        var got = await h.Client.GetItemAsync(new GetItemRequest
        {
            TableName = "poc-task-tokens",
            Key = new() { ["jobId"] = S("j1") },
            ProjectionExpression = "#s, #r.code",
            ExpressionAttributeNames = new() { ["#s"] = "status", ["#r"] = "result" },
        }, Ct);

        Assert.Equal(["result", "status"], got.Item.Keys.Order());
        Assert.Equal(["code"], got.Item["result"].M.Keys);
    }

    [Theory]
    [InlineData("""{"jobId":"j1","extra":"x"}""", "The provided key element does not match the schema")]
    [InlineData("""{"other":"j1"}""", "The provided key element does not match the schema")]
    public async Task GetItem_KeyNotMatchingSchema_ValidationException(string keyJson, string message)
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        var key = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(keyJson)!.ToDictionary(kv => kv.Key, kv => S(kv.Value));

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.GetItemAsync("poc-task-tokens", key, Ct));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public async Task PutItem_InvalidItems_AwsValidationMessages()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        async Task<string> Fails(Dictionary<string, AttributeValue> item, string? condition = null, Dictionary<string, AttributeValue>? values = null)
            => (await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.PutItemAsync(new PutItemRequest
            {
                TableName = "poc-task-tokens",
                Item = item,
                ConditionExpression = condition,
                ExpressionAttributeValues = values,
            }, Ct))).Message;

        Assert.Equal("One or more parameter values were invalid: Missing the key jobId in the item", await Fails(new() { ["x"] = S("1") }));
        Assert.Equal("One or more parameter values were invalid: Type mismatch for key jobId expected: S actual: N", await Fails(new() { ["jobId"] = N("1") }));
        Assert.Equal("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: jobId", await Fails(new() { ["jobId"] = S("") }));
        Assert.Equal("Item size has exceeded the maximum allowed size", await Fails(new() { ["jobId"] = S("a"), ["blob"] = S(new string('x', 410_000)) }));
        Assert.Equal("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status", await Fails(Job("j", "P", "1"), "status = :s", new() { [":s"] = S("P") }));
        Assert.Equal("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}", await Fails(Job("j", "P", "1"), "attribute_not_exists(jobId)", new() { [":x"] = S("P") }));
        Assert.Equal("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"", await Fails(Job("j", "P", "1"), "jobId =", null));
        Assert.Equal("A value provided cannot be converted into a number", await Fails(new() { ["jobId"] = S("a"), ["n"] = N("1x") }));
        Assert.Equal("One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: status-index", await Fails(new() { ["jobId"] = S("a"), ["status"] = N("1") }));
    }

    [Fact]
    public async Task UpdateItem_InvalidExpression_AwsMessages()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        async Task<string> Fails(string update, Dictionary<string, string>? names = null)
            => (await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = "poc-task-tokens",
                Key = new() { ["jobId"] = S("j1") },
                UpdateExpression = update,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = new() { [":v"] = S("x") },
            }, Ct))).Message;

        Assert.Equal("Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #n", await Fails("SET #n = :v"));
        Assert.Equal("One or more parameter values were invalid: Cannot update attribute jobId. This attribute is part of the key", await Fails("SET jobId = :v"));
        Assert.Equal("Invalid UpdateExpression: Syntax error; token: \"=\", near: \"= =\"", await Fails("SET a = = :v"));
        Assert.Equal("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}", await Fails("SET a = :v", new() { ["#unused"] = "b" }));
    }

    [Fact]
    public async Task UpdateItem_MissingItem_CreatesItWithKey()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var result = await h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "poc-task-tokens",
            Key = new() { ["jobId"] = S("new") },
            UpdateExpression = "SET attempts = if_not_exists(attempts, :zero) + :one",
            ExpressionAttributeValues = new() { [":zero"] = N("0"), [":one"] = N("1") },
            ReturnValues = ReturnValue.ALL_NEW,
        }, Ct);

        Assert.Equal("new", result.Attributes["jobId"].S);
        Assert.Equal("1", result.Attributes["attempts"].N);
    }

    [Fact]
    public async Task Numbers_HighPrecision_RoundTripNormalised()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync("poc-task-tokens", new() { ["jobId"] = S("n"), ["big"] = N("12345678901234567890123456789012345678"), ["f"] = N("1.500") }, Ct);

        var item = (await h.Client.GetItemAsync("poc-task-tokens", new() { ["jobId"] = S("n") }, Ct)).Item;

        Assert.Equal("12345678901234567890123456789012345678", item["big"].N);
        Assert.Equal("1.5", item["f"].N);
    }
}
