namespace Poc.Cli.Cost;

/// <summary>The cost comparison the report shows: at the chosen workload, its break-even, and across durations and intervals.</summary>
/// <param name="Model">The model, with its measured coefficients and prices.</param>
/// <param name="Inputs">The chosen workload.</param>
/// <param name="AtInputs">Both designs priced for it.</param>
/// <param name="BreakEvenJobsPerMonth">Fewer jobs than this a month and the baseline is cheaper (list prices); null if never.</param>
/// <param name="BreakEvenDuration">Shorter jobs than this and the baseline is cheaper (list prices); null if the callback never wins.</param>
/// <param name="HistoryLimitDuration">The longest job the polling loop can wait for within 25,000 history events.</param>
/// <param name="Series">Reduction against duration for a few poll intervals.</param>
public sealed record CostAnalysis(
    CostModel Model,
    CostInputs Inputs,
    CostComparison AtInputs,
    double? BreakEvenJobsPerMonth,
    TimeSpan? BreakEvenDuration,
    TimeSpan HistoryLimitDuration,
    IReadOnlyList<ReductionSeries> Series)
{
    /// <summary>The reduction the seed of this project claims for the callback pattern.</summary>
    public const double ClaimedReductionPercent = 87;

    /// <summary>The poll intervals the chart compares.</summary>
    public static IReadOnlyList<TimeSpan> ChartIntervals { get; } = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    /// <summary>The job durations the chart spans, from one minute to a day.</summary>
    public static IReadOnlyList<TimeSpan> ChartDurations { get; } =
        [.. new[] { 1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 1440 }.Select(m => TimeSpan.FromMinutes(m))];

    /// <summary>True when the measured reduction at the chosen workload reaches the claimed 87%.</summary>
    public bool ClaimHolds => AtInputs.ReductionPercent >= ClaimedReductionPercent;

    /// <summary>Runs every comparison for <paramref name="inputs"/>.</summary>
    public static CostAnalysis Run(CostModel model, CostInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        var intervals = ChartIntervals.Contains(inputs.PollInterval) ? ChartIntervals : [.. ChartIntervals, inputs.PollInterval];
        var series = intervals.Order().Select(interval => new ReductionSeries(
            interval,
            [.. ChartDurations.Select(d =>
            {
                var c = model.Compare(inputs with { AverageJobDuration = d, PollInterval = interval });
                return new ReductionPoint(d, c.Callback.ListUsd, c.Baseline.ListUsd);
            })])).ToList();
        return new CostAnalysis(
            model,
            inputs,
            model.Compare(inputs),
            model.BreakEvenJobsPerMonth(inputs.AverageJobDuration, inputs.PollInterval),
            model.BreakEvenDuration(inputs.JobsPerMonth, inputs.PollInterval),
            model.HistoryLimitDuration(inputs.PollInterval),
            series);
    }
}
