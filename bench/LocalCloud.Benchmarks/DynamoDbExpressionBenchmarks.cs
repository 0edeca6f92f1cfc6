using System.Globalization;
using BenchmarkDotNet.Attributes;
using LocalCloud.Core;
using LocalCloud.Core.Usage;
using LocalCloud.DynamoDb;

namespace LocalCloud.Benchmarks;

/// <summary>
/// DynamoDB expressions as the poller uses them, through the service (parse + validate + evaluate + dispatch):
/// the conditional attempt claim, the PENDING query on the GSI with a filter, and a plain GetItem for reference.
/// </summary>
[MemoryDiagnoser]
public class DynamoDbExpressionBenchmarks : IDisposable
{
    private const int Items = 1000;
    private DynamoDbService _dynamoDb = null!;
    private ServiceRequest _claim = null!;
    private ServiceRequest _query = null!;
    private ServiceRequest _get = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dynamoDb = new DynamoDbService(TimeProvider.System, new UsageMeter());
        Call("CreateTable", """
            {"TableName":"tokens","BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"executionArn","AttributeType":"S"},{"AttributeName":"status","AttributeType":"S"},{"AttributeName":"createdAt","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"executionArn","KeyType":"HASH"}],
             "GlobalSecondaryIndexes":[{"IndexName":"status-index","KeySchema":[{"AttributeName":"status","KeyType":"HASH"},{"AttributeName":"createdAt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]}
            """);
        for (var i = 0; i < Items; i++)
        {
            Call("PutItem", string.Create(CultureInfo.InvariantCulture, $$"""
                {"TableName":"tokens","Item":{"executionArn":{"S":"arn-{{i}}"},"jobId":{"S":"job-{{i}}"},"taskToken":{"S":"token-{{i}}"},
                 "status":{"S":"{{(i % 10 == 0 ? "COMPLETED" : "PENDING")}}"},"attempts":{"N":"0"},"maxAttempts":{"N":"10"},"deadline":{"N":"4102444800"},
                 "createdAt":{"S":"2025-01-01T00:00:{{i % 60:00}}.{{i:000}}Z"},"updatedAt":{"S":"2025-01-01T00:00:00Z"} } }
                """));
        }

        _claim = AwsJsonRequests.Create("DynamoDB_20120810.UpdateItem", """
            {"TableName":"tokens","Key":{"executionArn":{"S":"arn-1"}},
             "UpdateExpression":"SET attempts = attempts + :one, updatedAt = :now",
             "ConditionExpression":"#s = :pending AND attempts < maxAttempts",
             "ExpressionAttributeNames":{"#s":"status"},
             "ExpressionAttributeValues":{":one":{"N":"1"},":now":{"S":"2025-01-01T00:01:00Z"},":pending":{"S":"PENDING"}}
            """);
        _query = AwsJsonRequests.Create("DynamoDB_20120810.Query", """
            {"TableName":"tokens","IndexName":"status-index","KeyConditionExpression":"#s = :p",
             "FilterExpression":"attempts < :max AND begins_with(jobId, :prefix)","Limit":100,
             "ExpressionAttributeNames":{"#s":"status"},
             "ExpressionAttributeValues":{":p":{"S":"PENDING"},":max":{"N":"1000000"},":prefix":{"S":"job-"}}
            """);
        _get = AwsJsonRequests.Create("DynamoDB_20120810.GetItem", """{"TableName":"tokens","Key":{"executionArn":{"S":"arn-2"}}""");
    }

    [Benchmark]
    public Task<ServiceResponse> ConditionalUpdateItem() => _dynamoDb.HandleAsync(_claim, CancellationToken.None);

    [Benchmark]
    public Task<ServiceResponse> QueryIndexWithFilter() => _dynamoDb.HandleAsync(_query, CancellationToken.None);

    [Benchmark(Baseline = true)]
    public Task<ServiceResponse> GetItem() => _dynamoDb.HandleAsync(_get, CancellationToken.None);

    [GlobalCleanup]
    public void Dispose()
    {
        _dynamoDb.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Call(string operation, string body)
    {
        var response = _dynamoDb.HandleAsync(AwsJsonRequests.Create("DynamoDB_20120810." + operation, body), CancellationToken.None).GetAwaiter().GetResult();
        if (response.Status != 200)
        {
            throw new InvalidOperationException($"{operation} answered {response.Status}: {System.Text.Encoding.UTF8.GetString(response.Body.Span)}");
        }
    }
}
