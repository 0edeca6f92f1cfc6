using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.DynamoDb.Tests.Service.DynamoDbHarness;

namespace LocalCloud.DynamoDb.Tests.Service;

public class TableOperationsTests
{
    [Fact]
    public async Task CreateTable_ThenDescribe_ReportsActiveTableWithIndex()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTaskTokensTableAsync();

        var table = (await h.Client.DescribeTableAsync("poc-task-tokens", Ct)).Table;

        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal("arn:aws:dynamodb:us-east-1:000000000000:table/poc-task-tokens", table.TableArn);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary.BillingMode);
        var gsi = Assert.Single(table.GlobalSecondaryIndexes);
        Assert.Equal("status-index", gsi.IndexName);
        Assert.Equal(IndexStatus.ACTIVE, gsi.IndexStatus);
        Assert.Equal(0, table.ItemCount);
        Assert.Equal(h.Time.GetUtcNow().UtcDateTime, table.CreationDateTime);
    }

    [Fact]
    public async Task CreateTable_Duplicate_ResourceInUse()
    {
        using var h = new DynamoDbHarness();
        await h.CreateRangeTableAsync();

        var e = await Assert.ThrowsAsync<ResourceInUseException>(() => h.CreateRangeTableAsync());

        Assert.Equal("Table already exists: events", e.Message);
    }

    [Fact]
    public async Task CreateTable_KeyNotDefined_ValidationException()
    {
        using var h = new DynamoDbHarness();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("other", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        }, Ct));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [id], AttributeDefinitions: [other]", e.Message);
    }

    [Fact]
    public async Task CreateTable_UnusedAttributeDefinition_ValidationException()
    {
        using var h = new DynamoDbHarness();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S), new AttributeDefinition("extra", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        }, Ct));

        Assert.Equal("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions", e.Message);
    }

    [Fact]
    public async Task DescribeTable_Missing_ResourceNotFound()
    {
        using var h = new DynamoDbHarness();

        var e = await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.DescribeTableAsync("nope", Ct));

        Assert.Equal("Requested resource not found: Table: nope not found", e.Message);
    }

    [Fact]
    public async Task ListTables_WithLimit_PagesInNameOrder()
    {
        using var h = new DynamoDbHarness();
        foreach (var name in new[] { "ccc", "aaa", "bbb" })
        {
            await h.CreateRangeTableAsync(name);
        }

        var first = await h.Client.ListTablesAsync(new ListTablesRequest { Limit = 2 }, Ct);
        var second = await h.Client.ListTablesAsync(new ListTablesRequest { Limit = 2, ExclusiveStartTableName = first.LastEvaluatedTableName }, Ct);

        Assert.Equal(["aaa", "bbb"], first.TableNames);
        Assert.Equal("bbb", first.LastEvaluatedTableName);
        Assert.Equal(["ccc"], second.TableNames);
        Assert.Null(second.LastEvaluatedTableName);
    }

    [Fact]
    public async Task DeleteTable_ThenGetItem_ResourceNotFound()
    {
        using var h = new DynamoDbHarness();
        await h.CreateRangeTableAsync();

        var deleted = await h.Client.DeleteTableAsync("events", Ct);
        var e = await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.GetItemAsync("events", new() { ["pk"] = S("a"), ["sk"] = N("1") }, Ct));

        Assert.Equal(TableStatus.DELETING, deleted.TableDescription.TableStatus);
        Assert.Equal("Requested resource not found", e.Message);
    }

    [Fact]
    public async Task UnimplementedOperation_AnswersUnknownOperation()
    {
        using var h = new DynamoDbHarness();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.DescribeLimitsAsync(new DescribeLimitsRequest(), Ct));

        Assert.Equal("UnknownOperationException", e.ErrorCode);
        Assert.Contains("not implemented", e.Message, StringComparison.Ordinal);
    }
}
