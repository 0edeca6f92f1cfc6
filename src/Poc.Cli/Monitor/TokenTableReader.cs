using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Poc.Cli.Deploy;
using Poc.Cli.Runs;

namespace Poc.Cli.Monitor;

/// <summary>
/// Reads poc-task-tokens through its status-index only: a COUNT query per status and one query for the oldest
/// PENDING records. Fine for a PoC; a production dashboard would keep counters (or read CloudWatch) instead of
/// counting on every refresh. GSI queries are eventually consistent, so a count may lag a write by a moment.
/// </summary>
public static class TokenTableReader
{
    /// <summary>Counts per status and the oldest pending jobs; <see cref="TokenTableStatus.Missing"/> when the table is not there.</summary>
    public static async Task<TokenTableStatus> ReadAsync(IAmazonDynamoDB dynamoDb, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        try
        {
            var counts = await Task.WhenAll(TokenStatuses.All.Select(async s => new StatusCount(s, await CountAsync(dynamoDb, s, ct))));
            var oldestPending = ByStatus(TokenStatuses.Pending);
            oldestPending.ScanIndexForward = true;
            oldestPending.Limit = MonitorCollector.PendingShown;
            var pending = await dynamoDb.QueryAsync(oldestPending, ct);
            return new TokenTableStatus(true, counts, [.. (pending.Items ?? []).Select(ToPendingJob)]);
        }
        catch (ResourceNotFoundException)
        {
            return TokenTableStatus.Missing;
        }
    }

    private static async Task<int> CountAsync(IAmazonDynamoDB dynamoDb, string status, CancellationToken ct)
    {
        var total = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var request = ByStatus(status);
            request.Select = Select.COUNT;
            request.ExclusiveStartKey = start;
            var page = await dynamoDb.QueryAsync(request, ct);
            total += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return total;
    }

    private static QueryRequest ByStatus(string status) => new()
    {
        TableName = PocResources.TokensTable,
        IndexName = PocResources.StatusIndex,
        // "status" is a DynamoDB reserved word.
        KeyConditionExpression = "#s = :s",
        ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = "status" },
        ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":s"] = new() { S = status } },
    };

    private static PendingJob ToPendingJob(Dictionary<string, AttributeValue> item)
        => new(
            TokenRecords.FromItem(item),
            item.TryGetValue("createdAt", out var c) && DateTimeOffset.TryParse(c.S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
                ? created
                : null);
}
