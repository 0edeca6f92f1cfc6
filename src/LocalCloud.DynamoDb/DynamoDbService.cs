using System.Text.Json;
using System.Text.Json.Serialization;
using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.Core.Protocols;
using LocalCloud.Core.Usage;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Operations;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;
using LocalCloud.DynamoDb.TimeToLive;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalCloud.DynamoDb;

/// <summary>
/// Amazon DynamoDB (API 2012-08-10, awsJson1.0, X-Amz-Target "DynamoDB_20120810.&lt;Operation&gt;"):
/// tables, items, expressions and secondary indexes, per account and region; in memory, and durable when
/// given an <see cref="IDurableStore"/>.
/// </summary>
public sealed class DynamoDbService : IServiceEndpoint, IDisposable
{
    private const string ErrorNamespace = "com.amazonaws.dynamodb.v20120810";
    private const string ContentType = "application/x-amz-json-1.0";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly AwsJsonDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly ITimer _sweepTimer;

    /// <param name="time">The clock for table creation times, token windows and the TTL sweep (one a minute).</param>
    /// <param name="usage">Where read and write capacity units are counted, per table and index.</param>
    /// <param name="logger">Optional; unexpected failures are logged here.</param>
    /// <param name="durable">
    /// Where tables and items are kept across restarts (--data): everything in it is loaded here, and every
    /// change is written to it before the operation answers. Null keeps state in memory only.
    /// </param>
    public DynamoDbService(TimeProvider time, UsageMeter usage, ILogger<DynamoDbService>? logger = null, IDurableStore? durable = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(usage);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var engine = new DynamoDbBackend(DynamoDbStores.Over(durable ?? NoDurableStore.Instance), time, usage);
        _dispatcher = new AwsJsonDispatcher("DynamoDB_20120810", ErrorNamespace, JsonOptions, ContentType);
        Add<CreateTableRequest, CreateTableResponse>("CreateTable", new CreateTable(engine).HandleAsync);
        Add<DescribeTableRequest, DescribeTableResponse>("DescribeTable", new DescribeTable(engine).HandleAsync);
        Add<DeleteTableRequest, DeleteTableResponse>("DeleteTable", new DeleteTable(engine).HandleAsync);
        Add<ListTablesRequest, ListTablesResponse>("ListTables", new ListTables(engine).HandleAsync);
        Add<PutItemRequest, PutItemResponse>("PutItem", new PutItem(engine).HandleAsync);
        Add<GetItemRequest, GetItemResponse>("GetItem", new GetItem(engine).HandleAsync);
        Add<UpdateItemRequest, UpdateItemResponse>("UpdateItem", new UpdateItem(engine).HandleAsync);
        Add<DeleteItemRequest, DeleteItemResponse>("DeleteItem", new DeleteItem(engine).HandleAsync);
        Add<QueryRequest, QueryResponse>("Query", new Query(engine).HandleAsync);
        Add<ScanRequest, ScanResponse>("Scan", new Scan(engine).HandleAsync);
        Add<BatchGetItemRequest, BatchGetItemResponse>("BatchGetItem", new BatchGetItem(engine).HandleAsync);
        Add<BatchWriteItemRequest, BatchWriteItemResponse>("BatchWriteItem", new BatchWriteItem(engine).HandleAsync);
        Add<TransactWriteItemsRequest, TransactWriteItemsResponse>("TransactWriteItems", new TransactWriteItems(engine).HandleAsync);
        Add<TransactGetItemsRequest, TransactGetItemsResponse>("TransactGetItems", new TransactGetItems(engine).HandleAsync);
        Add<UpdateTimeToLiveRequest, UpdateTimeToLiveResponse>("UpdateTimeToLive", new UpdateTimeToLive(engine).HandleAsync);
        Add<DescribeTimeToLiveRequest, DescribeTimeToLiveResponse>("DescribeTimeToLive", new DescribeTimeToLive(engine).HandleAsync);
        Add<UpdateTableRequest, UpdateTableResponse>("UpdateTable", new UpdateTable(engine).HandleAsync);
        Add<TagResourceRequest, EmptyResponse>("TagResource", new TagResource(engine).HandleAsync);
        Add<UntagResourceRequest, EmptyResponse>("UntagResource", new UntagResource(engine).HandleAsync);
        Add<ListTagsOfResourceRequest, ListTagsOfResourceResponse>("ListTagsOfResource", new ListTagsOfResource(engine).HandleAsync);
        Add<DescribeEndpointsRequest, DescribeEndpointsResponse>("DescribeEndpoints", DescribeEndpoints.HandleAsync);
        _dispatcher.KnownButNotImplemented.UnionWith(NotImplemented);
        var sweeper = new ExpiredItemSweeper(engine.Stores, time);
        _sweepTimer = time.CreateTimer(_ => Sweep(sweeper), null, ExpiredItemSweeper.Period, ExpiredItemSweeper.Period);
    }

    public string Name => "dynamodb";

    public IReadOnlyList<string> TargetPrefixes { get; } = ["DynamoDB_20120810"];

    public IReadOnlyList<string> PathPrefixes { get; } = [];

    /// <summary>Operations in the DynamoDB API model that LocalCloud answers with a clear "not implemented".</summary>
    internal static readonly string[] NotImplemented =
    [
        "BatchExecuteStatement", "CreateBackup", "CreateGlobalTable", "DeleteBackup", "DeleteResourcePolicy", "DescribeBackup", "DescribeContinuousBackups", "DescribeContributorInsights", "DescribeExport", "DescribeGlobalTable", "DescribeGlobalTableSettings", "DescribeImport", "DescribeKinesisStreamingDestination", "DescribeLimits", "DescribeTableReplicaAutoScaling", "DisableKinesisStreamingDestination", "EnableKinesisStreamingDestination", "ExecuteStatement", "ExecuteTransaction", "ExportTableToPointInTime", "GetResourcePolicy", "ImportTable", "ListBackups", "ListContributorInsights", "ListExports", "ListGlobalTables", "ListImports", "PutResourcePolicy", "RestoreTableFromBackup", "RestoreTableToPointInTime", "UpdateContinuousBackups", "UpdateContributorInsights", "UpdateGlobalTable", "UpdateGlobalTableSettings", "UpdateKinesisStreamingDestination", "UpdateTableReplicaAutoScaling"
    ];

    public Task<ServiceResponse> HandleAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _dispatcher.DispatchAsync(request, cancellationToken);
    }

    /// <summary>Stops the TTL sweep.</summary>
    public void Dispose() => _sweepTimer.Dispose();

    private void Sweep(ExpiredItemSweeper sweeper)
    {
        try
        {
            sweeper.Sweep();
        }
        catch (Exception e)
        {
            // A timer callback must not throw; the next sweep tries again.
            _logger.LogError(e, "DynamoDB TTL sweep failed");
        }
    }

    private void Add<TRequest, TResponse>(string operation, Func<TRequest, RequestContext, CancellationToken, Task<TResponse>> handler)
        => _dispatcher.Add(operation, Guard(handler));

    /// <summary>Turns any unexpected failure into AWS's InternalServerError instead of a crashed request.</summary>
    private Func<TRequest, RequestContext, CancellationToken, Task<TResponse>> Guard<TRequest, TResponse>(Func<TRequest, RequestContext, CancellationToken, Task<TResponse>> handler)
        => async (request, context, ct) =>
        {
            try
            {
                return await handler(request, context, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not AwsServiceException and not OperationCanceledException)
            {
                _logger.LogError(e, "DynamoDB request {RequestId} failed unexpectedly", context.RequestId);
                throw DynamoDbErrors.InternalServerError();
            }
        };
}
