using System.Text.Json;

namespace Poc.Cli.Cost;

/// <summary>A dated list-price table for one region, loaded from prices-&lt;region&gt;.json beside this code.</summary>
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
    private const string Resource = "Poc.Cli.Cost.prices-us-east-1.json";
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Seconds in the billing month the table assumes.</summary>
    public double SecondsPerMonth => HoursPerMonth * 3600;

    /// <summary>Every price, in a fixed order, with the units it applies to.</summary>
    public IReadOnlyList<(Price Price, Func<BillingUnits, double> Units)> All =>
    [
        (Transitions, u => u.Transitions),
        (LambdaRequests, u => u.LambdaRequests),
        (LambdaGbSeconds, u => u.LambdaGbSeconds),
        (ReadRequestUnits, u => u.ReadRequestUnits),
        (WriteRequestUnits, u => u.WriteRequestUnits),
        (SchedulerInvocations, u => u.SchedulerInvocations),
    ];

    /// <summary>The us-east-1 table shipped inside poc.</summary>
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
