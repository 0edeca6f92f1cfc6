using System.Globalization;
using System.Text.Json;

namespace Poc.Cli.Endpoints;

/// <summary>Reads LocalCloud's recent Lambda invocations over HTTP (docs/localcloud-endpoints.md).</summary>
public static class LambdaInvocations
{
    /// <summary>LocalCloud's route.</summary>
    public const string Path = "/_localcloud/lambda/invocations";

    /// <summary>How many LocalCloud keeps: asking for more gets these.</summary>
    public const int MaxKept = 500;

    /// <summary>The newest <paramref name="limit"/> invocations, newest first.</summary>
    public static async Task<IReadOnlyList<LambdaInvocation>> ReadAsync(HttpClient http, Uri endpoint, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        using var response = await http.GetAsync(new Uri(endpoint, string.Create(CultureInfo.InvariantCulture, $"{Path}?limit={limit}")), ct);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Parses <c>{"invocations":[…]}</c>; an entry missing a required member is skipped.</summary>
    public static IReadOnlyList<LambdaInvocation> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("invocations", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<LambdaInvocation>();
        foreach (var e in list.EnumerateArray())
        {
            if (Text(e, "functionName") is { } name && Text(e, "requestId") is { } requestId && Text(e, "invocationType") is { } type
                && Text(e, "start") is { } startText
                && DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var start)
                && Number(e, "durationMs") is { } duration && Number(e, "billedDurationMs") is { } billed)
            {
                result.Add(new LambdaInvocation(
                    name,
                    requestId,
                    type,
                    start,
                    TimeSpan.FromMilliseconds(duration),
                    (long)billed,
                    Number(e, "initDurationMs") is { } init ? TimeSpan.FromMilliseconds(init) : null,
                    Text(e, "errorType"),
                    Text(e, "workerId")));
            }
        }

        return result;
    }

    private static string? Text(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
