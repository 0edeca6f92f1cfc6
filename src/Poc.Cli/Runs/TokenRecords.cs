using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Poc.Cli.Deploy;

namespace Poc.Cli.Runs;

/// <summary>Reads an execution's poc-task-tokens record.</summary>
public static class TokenRecords
{
    /// <summary>The record for <paramref name="executionArn"/>, or null when create-job has not written it (yet).</summary>
    public static async Task<TokenRecord?> GetAsync(IAmazonDynamoDB dynamoDb, string executionArn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest
            {
                TableName = PocResources.TokensTable,
                Key = new Dictionary<string, AttributeValue> { ["executionArn"] = new() { S = executionArn } },
                ConsistentRead = true,
            },
            ct);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    /// <summary>Reads the fields poc uses from a raw item.</summary>
    public static TokenRecord FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new TokenRecord(S(item, "executionArn") ?? "", S(item, "jobId"), S(item, "taskToken"), S(item, "status"), N(item, "attempts") ?? 0)
        {
            MaxAttempts = N(item, "maxAttempts"),
            LastError = S(item, "lastError"),
            Deadline = Long(item, "deadline") is { } epoch ? DateTimeOffset.FromUnixTimeSeconds(epoch) : null,
        };
    }

    private static string? S(IReadOnlyDictionary<string, AttributeValue> item, string name)
        => item.TryGetValue(name, out var v) ? v.S : null;

    private static int? N(IReadOnlyDictionary<string, AttributeValue> item, string name)
        => Long(item, name) is { } n and >= int.MinValue and <= int.MaxValue ? (int)n : null;

    // Epoch seconds pass int's range in 2038; read numbers as long and narrow only where a count is meant.
    private static long? Long(IReadOnlyDictionary<string, AttributeValue> item, string name)
        => item.TryGetValue(name, out var v) && v.N is { } n && decimal.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
           && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;
}
