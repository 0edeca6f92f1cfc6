using System.Collections.Concurrent;

namespace LocalCloud.Core.Usage;

/// <summary>
/// Billing units counted as AWS bills them (state transitions, requests, GB-seconds, capacity units,
/// invocations), per service, metric and resource. Thread-safe; read by GET /_localcloud/usage.
/// </summary>
public sealed class UsageMeter
{
    private readonly ConcurrentDictionary<(string Service, string Metric, string Resource), double> _counters = new();

    public void Add(string service, string metric, string resource, double amount = 1)
        // Static lambdas with the amount as argument: the engine counts every state transition here, and a capturing
        // lambda cost a closure and a delegate each time.
        => _counters.AddOrUpdate((service, metric, resource), static (_, a) => a, static (_, current, a) => current + a, amount);

    public double Total(string service, string metric)
        => _counters.Where(kv => kv.Key.Service == service && kv.Key.Metric == metric).Sum(kv => kv.Value);

    public double Get(string service, string metric, string resource)
        => _counters.TryGetValue((service, metric, resource), out var v) ? v : 0;

    public IReadOnlyList<UsageRecord> Snapshot()
        => _counters.Select(kv => new UsageRecord(kv.Key.Service, kv.Key.Metric, kv.Key.Resource, kv.Value))
            .OrderBy(r => r.Service, StringComparer.Ordinal).ThenBy(r => r.Metric, StringComparer.Ordinal).ThenBy(r => r.Resource, StringComparer.Ordinal)
            .ToList();

    public void Reset() => _counters.Clear();
}

public sealed record UsageRecord(string Service, string Metric, string Resource, double Amount);
