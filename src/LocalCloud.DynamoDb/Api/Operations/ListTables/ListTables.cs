using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>ListTables (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html): names in order, up to 100 a page.</summary>
internal sealed class ListTables(DynamoDbBackend engine)
{
    public Task<ListTablesResponse> HandleAsync(ListTablesRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? 100;
        if (limit is < 1 or > 100)
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value {(limit < 1 ? "greater than or equal to 1" : "less than or equal to 100")}");
        }
        var names = engine.Store(context).TableNames()
            .Where(n => request.ExclusiveStartTableName is null || string.CompareOrdinal(n, request.ExclusiveStartTableName) > 0)
            .ToList();
        var page = names.Take(limit).ToList();
        return Task.FromResult(new ListTablesResponse
        {
            TableNames = page,
            LastEvaluatedTableName = names.Count > limit ? page[^1] : null,
        });
    }
}
