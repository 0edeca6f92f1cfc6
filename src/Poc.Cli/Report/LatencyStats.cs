using Poc.Cli.Statistics;

namespace Poc.Cli.Report;

/// <summary>Reconnection latency percentiles (nearest-rank) over the executions that resumed.</summary>
public sealed record LatencyStats(int Count, TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max)
{
    /// <summary>The percentiles of <paramref name="latencies"/>; null when there are none.</summary>
    public static LatencyStats? Of(IEnumerable<TimeSpan> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        var sorted = latencies.Order().ToList();
        return sorted.Count == 0 ? null : new LatencyStats(sorted.Count, Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted[^1]);
    }

    /// <summary>The nearest-rank percentile (<see cref="NearestRank"/>).</summary>
    public static TimeSpan Rank(IReadOnlyList<TimeSpan> sorted, double p) => NearestRank.Of(sorted, p);
}
