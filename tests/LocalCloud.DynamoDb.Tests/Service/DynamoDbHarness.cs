using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LocalCloud.Core.Persistence;
using LocalCloud.Core.Usage;
using LocalCloud.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.DynamoDb.Tests.Service;

/// <summary>A fresh DynamoDbService behind the real AWSSDK.DynamoDBv2 client, wired without a socket.</summary>
internal sealed class DynamoDbHarness : IDisposable
{
    /// <param name="durable">The durable store to load from and write to (a restart test passes the same one twice).</param>
    /// <param name="time">A clock to share with an earlier harness, so a restart sees the time go on.</param>
    public DynamoDbHarness(IDurableStore? durable = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Service = new DynamoDbService(Time, Usage, durable: durable);
        Client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig
        {
            ServiceURL = "http://localhost",
            AuthenticationRegion = "us-east-1",
            HttpClientFactory = new InMemoryFactory(Service),
            MaxErrorRetry = 0,
        });
    }

    public FakeTimeProvider Time { get; }

    public UsageMeter Usage { get; } = new();

    public DynamoDbService Service { get; }

    public AmazonDynamoDBClient Client { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>poc-task-tokens as the product uses it: jobId key, GSI on status (sorted by deadline).</summary>
    public async Task CreateTaskTokensTableAsync(string name = "poc-task-tokens")
    {
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition("jobId", ScalarAttributeType.S),
                new AttributeDefinition("status", ScalarAttributeType.S),
                new AttributeDefinition("deadline", ScalarAttributeType.N),
            ],
            KeySchema = [new KeySchemaElement("jobId", KeyType.HASH)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "status-index",
                    KeySchema = [new KeySchemaElement("status", KeyType.HASH), new KeySchemaElement("deadline", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        }, Ct);
    }

    public async Task CreateRangeTableAsync(string name = "events")
    {
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.N)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
        }, Ct);
    }

    public static AttributeValue S(string s) => new() { S = s };

    public static AttributeValue N(string n) => new() { N = n };

    public void Dispose()
    {
        Client.Dispose();
        Service.Dispose();
    }

    private sealed class InMemoryFactory(DynamoDbService service) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new InMemoryServiceHandler(service));
    }
}
