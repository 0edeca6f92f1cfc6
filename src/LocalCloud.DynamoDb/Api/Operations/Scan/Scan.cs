using System.Text;
using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// Scan (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html) of a table
/// or index, with filter, projection, paging and parallel segments (items split by a hash of
/// their partition key, so every item falls in exactly one segment).
/// </summary>
internal sealed class Scan(DynamoDbBackend engine)
{
    public Task<ScanResponse> HandleAsync(ScanRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var table = engine.Table(context, request.TableName);
        ReadRequest.RejectLegacy(request.ScanFilter, "ScanFilter");
        var index = ReadRequest.Index(table, request.IndexName, request.ConsistentRead);
        var countOnly = ReadRequest.CountOnly(request.Select, request.ProjectionExpression, index);
        ValidateSegments(request.Segment, request.TotalSegments);
        WriteSupport.RequireExpressionsForPlaceholders(request.FilterExpression is not null || request.ProjectionExpression is not null,
            request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var scope = new ExpressionScope(request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var filter = ReadRequest.Filter(request.FilterExpression, scope);
        var projection = ReadRequest.Projection(request.ProjectionExpression, request.AttributesToGet, scope);
        scope.EnsureAllUsed();

        IEnumerable<Item> items = table.All(index?.Name);
        if (request.TotalSegments is { } total)
        {
            var hashName = index?.Key.HashName ?? table.Definition.Key.HashName;
            items = items.Where(i => Segment(i[hashName], total) == request.Segment);
        }
        var evaluator = new ExpressionEvaluator(scope, ExpressionKind.FilterExpression);
        var page = new PageReader(table, index).Read(items, true, request.ExclusiveStartKey, request.Limit, filter, evaluator, projection, countOnly,
            request.ConsistentRead ?? false);
        page.Capacity.Meter(engine.Usage);
        return Task.FromResult(new ScanResponse
        {
            Items = page.Items,
            Count = page.Count,
            ScannedCount = page.ScannedCount,
            LastEvaluatedKey = page.LastEvaluatedKey,
            ConsumedCapacity = page.Capacity.ToWire(request.ReturnConsumedCapacity),
        });
    }

    private static void ValidateSegments(int? segment, int? total)
    {
        if (segment is null != total is null)
        {
            throw AwsServiceException.Validation(segment is null
                ? "The Segment parameter is required but was not present in the request when parameter TotalSegments is present"
                : "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (total is < 1 or > 1_000_000)
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{total}' at 'totalSegments' failed to satisfy constraint: Member must have value between 1 and 1000000");
        }
        if (segment < 0 || segment >= total)
        {
            throw AwsServiceException.Validation($"The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: {segment} is not less than TotalSegments: {total}");
        }
    }

    /// <summary>FNV-1a over the key's canonical bytes: stable across runs, unlike string.GetHashCode.</summary>
    private static int Segment(AttributeValue hashKey, int total)
    {
        var bytes = hashKey.Type == AttributeType.B ? hashKey.B : Encoding.UTF8.GetBytes(DynamoDbErrors.Raw(hashKey));
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }
        return (int)(hash % (uint)total);
    }
}
