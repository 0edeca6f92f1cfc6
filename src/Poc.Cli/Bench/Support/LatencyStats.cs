using System.Text.Json.Nodes;
using Poc.Cli.Statistics;

namespace Poc.Bench.Support;

/// <summary>
/// Percentiles of a set of durations in milliseconds (nearest-rank, so every figure is a real sample).
/// bench/LocalCloud.Benchmarks compiles this file too.
/// </summary>
public sealed record LatencyStats(int Count, double Min, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencyStats From(IReadOnlyCollection<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samples.Order().ToArray();
        double Rank(double p) => NearestRank.Of(sorted, p * 100);
        return new LatencyStats(sorted.Length, sorted[0], Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1], sorted.Average());
    }

    public JsonObject ToJson() => new()
    {
        ["count"] = Count,
        ["minMs"] = Round(Min),
        ["p50Ms"] = Round(P50),
        ["p95Ms"] = Round(P95),
        ["p99Ms"] = Round(P99),
        ["maxMs"] = Round(Max),
        ["meanMs"] = Round(Mean),
    };

    public override string ToString()
        => FormattableString.Invariant($"n={Count} p50={P50:0.000} ms p95={P95:0.000} ms p99={P99:0.000} ms max={Max:0.000} ms");

    internal static double Round(double value) => double.IsNaN(value) ? 0 : Math.Round(value, 3);
}
