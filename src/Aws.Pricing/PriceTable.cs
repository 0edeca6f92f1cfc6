using System.Text.Json;

namespace Aws.Pricing;

/// <summary>A dated list-price table for one region, loaded from prices-&lt;region&gt;.json beside this code (each price cites the AWS pricing page it was read from).</summary>
public sealed record PriceTable(
    string Region,
    string Currency,
    string Checked,
    double HoursPerMonth,
    Price Transitions,
    Price LambdaRequests,
    Price LambdaGbSeconds,
    Price ReadRequestUnits,
    Price WriteRequestUnits,
    Price SchedulerInvocations)
{
    private const string Resource = "Aws.Pricing.prices-us-east-1.json";
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Seconds in the billing month the table assumes.</summary>
    public double SecondsPerMonth => HoursPerMonth * 3600;

    /// <summary>Every price, in a fixed order.</summary>
    public IReadOnlyList<Price> All => [Transitions, LambdaRequests, LambdaGbSeconds, ReadRequestUnits, WriteRequestUnits, SchedulerInvocations];

    /// <summary>
    /// The price of what LocalCloud's usage meter counts under <paramref name="service"/> and <paramref name="metric"/>
    /// (GET /_localcloud/usage, docs/localcloud-endpoints.md), or null for a counter the table has no price for: one AWS
    /// does not bill by itself (a Standard execution's start) or one priced elsewhere (Express requests and duration).
    /// </summary>
    public Price? ForMeter(string service, string metric) => (service, metric) switch
    {
        ("states", "StateTransitions") => Transitions,
        ("lambda", "Requests") => LambdaRequests,
        ("lambda", "GBSeconds") => LambdaGbSeconds,
        ("dynamodb", "ReadCapacityUnits") => ReadRequestUnits,
        ("dynamodb", "WriteCapacityUnits") => WriteRequestUnits,
        ("scheduler", "Invocations") => SchedulerInvocations,
        _ => null,
    };

    /// <summary>The us-east-1 table shipped inside this assembly.</summary>
    public static PriceTable UsEast1 { get; } = Load();

    /// <summary>Reads a table in the shipped JSON shape.</summary>
    public static PriceTable Parse(string json)
    {
        var file = JsonSerializer.Deserialize<PriceFile>(json, Options) ?? throw new JsonException("The price table is empty.");
        Price Get(string key) => file.Prices.TryGetValue(key, out var p) ? p : throw new JsonException($"The price table has no \"{key}\".");
        return new PriceTable(
            file.Region,
            file.Currency,
            file.Checked,
            file.HoursPerMonth,
            Get("transitions"),
            Get("lambdaRequests"),
            Get("lambdaGbSeconds"),
            Get("readRequestUnits"),
            Get("writeRequestUnits"),
            Get("schedulerInvocations"));
    }

    private static PriceTable Load()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed record PriceFile(string Region, string Currency, string Checked, double HoursPerMonth, Dictionary<string, Price> Prices);
}
