namespace Poc.Cli.Statistics;

/// <summary>
/// The one percentile routine of poc (the report's latency table and every bench figure): nearest-rank, the smallest
/// sample with at least p % of the samples at or below it, so every percentile is a value that really occurred.
/// bench/LocalCloud.Benchmarks compiles this file too.
/// </summary>
public static class NearestRank
{
    /// <summary>The <paramref name="percent"/>th percentile of <paramref name="sorted"/> (ascending, not empty).</summary>
    public static T Of<T>(IReadOnlyList<T> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
