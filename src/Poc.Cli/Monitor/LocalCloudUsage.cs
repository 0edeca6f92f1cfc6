using System.Text.Json;
using LocalCloud.Core.Usage;

namespace Poc.Cli.Monitor;

/// <summary>Reads LocalCloud's billing counters (GET /_localcloud/usage, docs/architecture.md).</summary>
public static class LocalCloudUsage
{
    /// <summary>LocalCloud's usage route.</summary>
    public const string UsagePath = "/_localcloud/usage";

    /// <summary>Every record the endpoint reports.</summary>
    public static async Task<IReadOnlyList<UsageRecord>> ReadAsync(HttpClient http, Uri endpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri(endpoint, UsagePath), ct);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Parses <c>{"records":[{service,metric,resource,amount}]}</c>; records missing a field are skipped.</summary>
    public static IReadOnlyList<UsageRecord> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<UsageRecord>();
        foreach (var r in records.EnumerateArray())
        {
            if (Text(r, "service") is { } service && Text(r, "metric") is { } metric && Text(r, "resource") is { } resource
                && r.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Number)
            {
                result.Add(new UsageRecord(service, metric, resource, amount.GetDouble()));
            }
        }

        return result;
    }

    private static string? Text(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
