using System.Text.Json;
using Poc.Cli.Cost;

namespace Poc.Cli.Monitor;

/// <summary>Reads LocalCloud's billing counters (GET /_localcloud/usage, docs/localcloud-endpoints.md).</summary>
public static class LocalCloudUsage
{
    /// <summary>LocalCloud's usage route.</summary>
    public const string UsagePath = "/_localcloud/usage";

    /// <summary>Every record the endpoint reports.</summary>
    public static async Task<IReadOnlyList<UsageReading>> ReadAsync(HttpClient http, Uri endpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri(endpoint, UsagePath), ct);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Parses <c>{"records":[{service,metric,resource,amount}]}</c>; records missing a field are skipped.</summary>
    public static IReadOnlyList<UsageReading> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<UsageReading>();
        foreach (var r in records.EnumerateArray())
        {
            if (Text(r, "service") is { } service && Text(r, "metric") is { } metric && Text(r, "resource") is { } resource
                && r.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Number)
            {
                result.Add(new UsageReading(service, metric, resource, amount.GetDouble()));
            }
        }

        return result;
    }

    private static string? Text(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
