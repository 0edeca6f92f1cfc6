namespace Poc.Cli.Cost;

/// <summary>Reduction against job duration for one poll interval.</summary>
public sealed record ReductionSeries(TimeSpan PollInterval, IReadOnlyList<ReductionPoint> Points);
