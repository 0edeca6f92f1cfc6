using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aws.Clients;
using Aws.Clients.StepFunctions;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.CreateJob;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Poller;
using JobOrchestration.Functions.SimulatedApi;
using JobOrchestration.Functions.Tests.Fakes;
using JobOrchestration.Functions.Tokens;
using LocalCloud.Core.Usage;
using LocalCloud.DynamoDb;
using LocalCloud.Testing;
using Microsoft.Extensions.Time.Testing;

namespace JobOrchestration.Functions.Tests.LocalCloudFakes;

/// <summary>
/// The functions over the real wire: AWSSDK.DynamoDBv2 into LocalCloud's DynamoDB service and Aws.Clients' Step Functions
/// client into <see cref="FakeStepFunctions"/>, both in process (no socket). poc-simulated-api runs in process on the
/// same DynamoDB. One fake clock for the poller and the job API.
/// </summary>
internal sealed class LocalCloudHarness : IAsyncDisposable
{
    private readonly DynamoDbService dynamoDbService;

    private LocalCloudHarness()
    {
        dynamoDbService = new DynamoDbService(Time, new UsageMeter());
        DynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig
        {
            ServiceURL = "http://localhost",
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            HttpClientFactory = new ScriptedHttpClientFactory(new InMemoryServiceHandler(dynamoDbService)),
        });
        Tokens = new DynamoDbTokenStore(DynamoDb, Settings.TokensTable, Settings.TokensStatusIndex, Log);
        Jobs = new DynamoDbJobRepository(DynamoDb, Settings.JobsTable);
        JobApi = new LambdaJobApi(new SimulatedApiInvoker(new SimulatedApiFunction(Jobs, Time)), Settings.SimulatedApiFunction);
        Callbacks = new StepFunctionsTaskCallbacks(new StepFunctionsClient(new AwsClientConfig
        {
            Region = "us-east-1",
            Credentials = new AwsCredentials("test", "test"),
            ServiceUrl = "http://localhost",
            MaxRetries = 0,
            HttpMessageHandler = new InMemoryServiceHandler(StepFunctions),
        }));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public FunctionSettings Settings { get; } = new() { DefaultMaxAttempts = 5, DefaultPollingTimeoutSeconds = 600 };

    public RecordingLog Log { get; } = new();

    public AmazonDynamoDBClient DynamoDb { get; }

    public DynamoDbTokenStore Tokens { get; }

    public DynamoDbJobRepository Jobs { get; }

    public IJobApi JobApi { get; }

    public FakeStepFunctions StepFunctions { get; } = new();

    public ITaskCallbacks Callbacks { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The poller's lease, plus a tick: the next sweep after it finds every lease run out.</summary>
    public static TimeSpan PastTheLease => new PollerOptions().Lease + TimeSpan.FromMilliseconds(1);

    public static async Task<LocalCloudHarness> StartAsync()
    {
        var harness = new LocalCloudHarness();
        await harness.CreateTablesAsync();
        return harness;
    }

    public JobPoller Poller(ITokenStore? tokens = null, ITaskCallbacks? callbacks = null, PollerOptions? options = null) =>
        new(tokens ?? Tokens, JobApi, callbacks ?? Callbacks, Time, Log, options);

    /// <summary>What create-job does for one execution, with its task parked in Step Functions.</summary>
    public async Task<string> StartAsync(int n, JobScenario scenario, int checksToComplete = 1, int? maxAttempts = null)
    {
        StepFunctions.Park(Harness.Token(n));
        var (jobId, _) = await new JobStarter(JobApi, Tokens, Settings, Time, Log).StartAsync(
            new CreateJobRequest(Harness.Token(n), Harness.Execution(n), scenario, checksToComplete, maxAttempts, null), Ct);
        return jobId;
    }

    public async Task<TokenRecord> RecordAsync(int n) => (await Tokens.GetAsync(Harness.Execution(n), Ct))!;

    public async Task<int> ChecksAsync(string jobId)
    {
        var item = await DynamoDb.GetItemAsync(new GetItemRequest { TableName = Settings.JobsTable, Key = new() { ["jobId"] = new AttributeValue { S = jobId } }, ConsistentRead = true }, Ct);
        return int.Parse(item.Item["checks"].N, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        dynamoDbService.Dispose();
        await Task.CompletedTask;
    }

    // As poc deploy creates them (docs/data-model.md).
    private async Task CreateTablesAsync()
    {
        await DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = Settings.TokensTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition("executionArn", ScalarAttributeType.S),
                new AttributeDefinition("status", ScalarAttributeType.S),
                new AttributeDefinition("createdAt", ScalarAttributeType.S),
            ],
            KeySchema = [new KeySchemaElement("executionArn", KeyType.HASH)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = Settings.TokensStatusIndex,
                    KeySchema = [new KeySchemaElement("status", KeyType.HASH), new KeySchemaElement("createdAt", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        }, Ct);
        await DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = Settings.JobsTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("jobId", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("jobId", KeyType.HASH)],
        }, Ct);
    }
}
