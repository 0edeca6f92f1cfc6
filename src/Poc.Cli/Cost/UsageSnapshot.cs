using System.Text.Json;

namespace Poc.Cli.Cost;

/// <summary>Every counter LocalCloud reported at one moment (GET /_localcloud/usage → {"records":[…]}).</summary>
public sealed record UsageSnapshot(IReadOnlyList<UsageReading> Records)
{
    /// <summary>An empty snapshot.</summary>
    public static UsageSnapshot Empty { get; } = new([]);

    /// <summary>Reads the usage endpoint's JSON.</summary>
    public static UsageSnapshot Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The usage answer has no \"records\" array.");
        }

        return new([.. records.EnumerateArray().Select(r => new UsageReading(
            Text(r, "service"), Text(r, "metric"), Text(r, "resource"), r.TryGetProperty("amount", out var a) && a.TryGetDouble(out var d) ? d : 0))]);
    }

    /// <summary>The sum of <paramref name="metric"/> of <paramref name="service"/> over the resources <paramref name="resource"/> accepts.</summary>
    public double Sum(string service, string metric, Func<string, bool> resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Records.Where(r => r.Service == service && r.Metric == metric && resource(r.Resource)).Sum(r => r.Amount);
    }

    /// <summary>A function's requests and GB-seconds as billing units.</summary>
    public BillingUnits Function(string name)
        => BillingUnits.Zero with
        {
            LambdaRequests = Sum(UsageMetrics.Lambda, UsageMetrics.Requests, r => r == name),
            LambdaGbSeconds = Sum(UsageMetrics.Lambda, UsageMetrics.GbSeconds, r => r == name),
        };

    /// <summary>A table's read and write units, its indexes' included (resources "table" and "table/index/name").</summary>
    public BillingUnits Table(string name)
        => BillingUnits.Zero with
        {
            ReadRequestUnits = Sum(UsageMetrics.DynamoDb, UsageMetrics.ReadUnits, r => OfTable(r, name)),
            WriteRequestUnits = Sum(UsageMetrics.DynamoDb, UsageMetrics.WriteUnits, r => OfTable(r, name)),
        };

    /// <summary>Transitions of the state machine called <paramref name="name"/> (the resource is its ARN).</summary>
    public double Transitions(string name)
        => Sum(UsageMetrics.States, UsageMetrics.StateTransitions, r => r.EndsWith(":stateMachine:" + name, StringComparison.Ordinal));

    /// <summary>Invocations of every schedule.</summary>
    public double SchedulerInvocations => Sum(UsageMetrics.Scheduler, UsageMetrics.Invocations, _ => true);

    private static bool OfTable(string resource, string table)
        => resource == table || resource.StartsWith(table + "/index/", StringComparison.Ordinal);

    private static string Text(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}
