using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.DynamoDb.Tests.Service.DynamoDbHarness;

namespace LocalCloud.DynamoDb.Tests.Service;

public class TableManagementTests
{
    private const string Tokens = "poc-task-tokens";
    private const string TokensArn = "arn:aws:dynamodb:us-east-1:000000000000:table/poc-task-tokens";

    private static GlobalSecondaryIndexUpdate CreateIndex(string name, string attribute) => new()
    {
        Create = new CreateGlobalSecondaryIndexAction
        {
            IndexName = name,
            KeySchema = [new KeySchemaElement(attribute, KeyType.HASH)],
            Projection = new Projection { ProjectionType = ProjectionType.ALL },
        },
    };

    [Fact]
    public async Task UpdateTable_CreateGsi_BackfillsExistingItemsOfTheRightType()
    {
        using var h = new DynamoDbHarness();
        await h.CreateRangeTableAsync();
        await h.Client.PutItemAsync("events", new() { ["pk"] = S("a"), ["sk"] = N("1"), ["cat"] = S("red") }, Ct);
        await h.Client.PutItemAsync("events", new() { ["pk"] = S("a"), ["sk"] = N("2"), ["cat"] = S("red") }, Ct);
        await h.Client.PutItemAsync("events", new() { ["pk"] = S("b"), ["sk"] = N("1"), ["cat"] = N("7") }, Ct);

        var update = await h.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "events",
            AttributeDefinitions = [new AttributeDefinition("cat", ScalarAttributeType.S)],
            GlobalSecondaryIndexUpdates = [CreateIndex("cat-index", "cat")],
        }, Ct);
        await h.Client.PutItemAsync("events", new() { ["pk"] = S("c"), ["sk"] = N("1"), ["cat"] = S("red") }, Ct);
        var query = await h.Client.QueryAsync(new QueryRequest
        {
            TableName = "events",
            IndexName = "cat-index",
            KeyConditionExpression = "cat = :c",
            ExpressionAttributeValues = new() { [":c"] = S("red") },
        }, Ct);
        var wrongType = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.PutItemAsync("events", new() { ["pk"] = S("d"), ["sk"] = N("1"), ["cat"] = N("1") }, Ct));

        Assert.Equal("cat-index", Assert.Single(update.TableDescription.GlobalSecondaryIndexes).IndexName);
        Assert.Equal(3, query.Count);
        Assert.Equal(["cat", "pk", "sk"], update.TableDescription.AttributeDefinitions.Select(d => d.AttributeName).Order());
        Assert.Equal("One or more parameter values were invalid: Type mismatch for Index Key cat Expected: S Actual: N IndexName: cat-index", wrongType.Message);
    }

    [Fact]
    public async Task UpdateTable_DeleteGsi_IndexGoneAndItsAttributeDefinitionDropped()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var update = await h.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = Tokens,
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "status-index" } }],
        }, Ct);
        var query = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.QueryAsync(new QueryRequest
        {
            TableName = Tokens,
            IndexName = "status-index",
            KeyConditionExpression = "#s = :p",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":p"] = S("PENDING") },
        }, Ct));
        var again = await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = Tokens,
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "status-index" } }],
        }, Ct));

        Assert.True(update.TableDescription.GlobalSecondaryIndexes is null || update.TableDescription.GlobalSecondaryIndexes.Count == 0);
        Assert.Equal(["jobId"], update.TableDescription.AttributeDefinitions.Select(d => d.AttributeName));
        Assert.Equal("The table does not have the specified index: status-index", query.Message);
        Assert.Contains("status-index", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateTable_BillingModeSwitch_NeedsThroughputForEveryGsi()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        var throughput = new ProvisionedThroughput(5, 7);

        var missing = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = Tokens,
            BillingMode = BillingMode.PROVISIONED,
            ProvisionedThroughput = throughput,
        }, Ct));
        var switched = await h.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = Tokens,
            BillingMode = BillingMode.PROVISIONED,
            ProvisionedThroughput = throughput,
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Update = new UpdateGlobalSecondaryIndexAction { IndexName = "status-index", ProvisionedThroughput = new ProvisionedThroughput(2, 3) } }],
        }, Ct);
        var unchanged = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.UpdateTableAsync(new UpdateTableRequest { TableName = Tokens, ProvisionedThroughput = throughput }, Ct));
        var back = await h.Client.UpdateTableAsync(new UpdateTableRequest { TableName = Tokens, BillingMode = BillingMode.PAY_PER_REQUEST }, Ct);

        Assert.Equal("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: status-index", missing.Message);
        Assert.Equal("PROVISIONED", switched.TableDescription.BillingModeSummary.BillingMode.Value);
        Assert.Equal(5, switched.TableDescription.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(3, switched.TableDescription.GlobalSecondaryIndexes[0].ProvisionedThroughput.WriteCapacityUnits);
        Assert.StartsWith("The provisioned throughput for the table will not change.", unchanged.Message, StringComparison.Ordinal);
        Assert.Equal("PAY_PER_REQUEST", back.TableDescription.BillingModeSummary.BillingMode.Value);
        Assert.Equal(0, back.TableDescription.ProvisionedThroughput.ReadCapacityUnits);
    }

    [Fact]
    public async Task UpdateTable_BadRequests_AwsErrors()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var nothing = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.UpdateTableAsync(new UpdateTableRequest { TableName = Tokens }, Ct));
        var twoIndexes = await Assert.ThrowsAsync<LimitExceededException>(() => h.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = Tokens,
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S), new AttributeDefinition("b", ScalarAttributeType.S)],
            GlobalSecondaryIndexUpdates = [CreateIndex("a-index", "a"), CreateIndex("b-index", "b")],
        }, Ct));
        var undefined = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = Tokens,
            GlobalSecondaryIndexUpdates = [CreateIndex("a-index", "a")],
        }, Ct));
        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.UpdateTableAsync(new UpdateTableRequest { TableName = "nope", DeletionProtectionEnabled = true }, Ct));

        Assert.StartsWith("At least one of ProvisionedThroughput, BillingMode", nothing.Message, StringComparison.Ordinal);
        Assert.Equal("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table", twoIndexes.Message);
        Assert.StartsWith("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions", undefined.Message, StringComparison.Ordinal);
        Assert.Equal("Requested resource not found: Table: nope not found", missing.Message);
    }

    [Fact]
    public async Task Tags_CreateTagUntagList_FollowEachOther()
    {
        using var h = new DynamoDbHarness();
        await h.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = Tokens,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("jobId", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("jobId", KeyType.HASH)],
            Tags = [new Tag { Key = "project", Value = "poc" }],
        }, Ct);
        async Task<List<string>> ListAsync() => (await h.Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = TokensArn }, Ct))
            .Tags.Select(t => $"{t.Key}={t.Value}").Order().ToList();

        var created = await ListAsync();
        await h.Client.TagResourceAsync(new TagResourceRequest { ResourceArn = TokensArn, Tags = [new Tag { Key = "env", Value = "local" }, new Tag { Key = "project", Value = "demo" }] }, Ct);
        var tagged = await ListAsync();
        await h.Client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = TokensArn, TagKeys = ["project", "absent"] }, Ct);
        var untagged = await ListAsync();
        var badArn = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = "poc-task-tokens" }, Ct));
        var otherTable = await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.TagResourceAsync(new TagResourceRequest
        {
            ResourceArn = "arn:aws:dynamodb:us-east-1:000000000000:table/nope",
            Tags = [new Tag { Key = "k", Value = "v" }],
        }, Ct));

        Assert.Equal(["project=poc"], created);
        Assert.Equal(["env=local", "project=demo"], tagged);
        Assert.Equal(["env=local"], untagged);
        Assert.Equal("Invalid TableArn: Invalid ResourceArn provided as input poc-task-tokens", badArn.Message);
        Assert.Equal("Requested resource not found: ResourceArn: arn:aws:dynamodb:us-east-1:000000000000:table/nope not found", otherTable.Message);
    }

    [Fact]
    public async Task GetItem_TableArnAsTableName_Served()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();
        await h.Client.PutItemAsync(TokensArn, new() { ["jobId"] = S("j1") }, Ct);

        var item = (await h.Client.GetItemAsync(Tokens, new() { ["jobId"] = S("j1") }, Ct)).Item;

        Assert.Equal("j1", item["jobId"].S);
    }

    [Fact]
    public async Task DescribeEndpoints_RegionalEndpointCachedForADay()
    {
        using var h = new DynamoDbHarness();

        var response = await h.Client.DescribeEndpointsAsync(new DescribeEndpointsRequest(), Ct);

        var endpoint = Assert.Single(response.Endpoints);
        Assert.Equal("dynamodb.us-east-1.amazonaws.com", endpoint.Address);
        Assert.Equal(1440, endpoint.CachePeriodInMinutes);
    }
}
