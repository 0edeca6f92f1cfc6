using System.Globalization;
using Asl.Diagrams;
using Poc.Cli.Cost;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Report;

/// <summary>What both renderings (Markdown, HTML) say, computed once from <see cref="ReportData"/>.</summary>
public sealed class ReportFacts(ReportData data)
{
    /// <summary>The data the facts come from.</summary>
    public ReportData Data { get; } = data ?? throw new ArgumentNullException(nameof(data));

    /// <summary>The callback state machine.</summary>
    public AslGraph CallbackGraph { get; } = AslGraph.Parse(data.CallbackAsl);

    /// <summary>The polling baseline.</summary>
    public AslGraph BaselineGraph { get; } = AslGraph.Parse(data.BaselineAsl);

    /// <summary>Scenario matrix rows: scenario, execution, status, error, record status, attempts, reconnection, as expected.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Matrix => [.. Data.Scenarios.Select(e => (IReadOnlyList<string>)
    [
        e.Scenario.Name,
        e.Status,
        e.Error ?? "-",
        e.Record?.Status ?? "-",
        e.Record is { } r ? r.Attempts.ToString(CultureInfo.InvariantCulture) : "-",
        e.Reconnection is { } c ? Ms(c.Latency) : "-",
        Expected(e),
    ])];

    /// <summary>The matrix's column headings.</summary>
    public static IReadOnlyList<string> MatrixHeadings { get; } =
        ["scenario", "execution status", "error", "record status", "attempts", "reconnection", "as expected"];

    /// <summary>Executions in the matrix that ended as their scenario expects.</summary>
    public int AsExpected => Data.Scenarios.Count(e => e.EndedAsExpected);

    /// <summary>Reconnection latency over every callback execution observed (scenarios and cost run).</summary>
    public LatencyStats? Latency => LatencyStats.Of(
        Data.Scenarios.Concat(Data.Measured?.Callback.Executions ?? [])
            .Where(e => e.Workflow == WorkflowKind.Callback)
            .Select(e => e.Reconnection?.Latency)
            .OfType<TimeSpan>());

    /// <summary>The job whose timeline is drawn: the first successful scenario, else the first with a callback.</summary>
    public JobTimeline? Timeline
        => (Data.Scenarios.FirstOrDefault(e => e.Status == ExecutionStatuses.Succeeded && e.Reconnection is not null)
            ?? Data.Scenarios.FirstOrDefault(e => e.Reconnection is not null)) is { } job
            ? JobTimeline.From(job, Data.PollIntervalSeconds)
            : null;

    /// <summary>Per scenario, the states one execution entered, in order, on each workflow.</summary>
    public IReadOnlyList<(string Scenario, IReadOnlyList<string> Path)> Paths(WorkflowKind workflow)
        => [.. (workflow == WorkflowKind.Callback ? Data.Scenarios : Data.BaselineExecutions)
            .Where(e => e.Workflow == workflow)
            .GroupBy(e => e.Scenario.Name)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.First().History.Where(h => h.IsStateEntered).Select(h => h.StateName ?? "")]))];

    /// <summary>Rows of the measured units per job / check / sweep / poll.</summary>
    public IReadOnlyList<(string What, BillingUnits Units)> Coefficients => Data.Cost is not { } cost ? [] :
    [
        ("callback, per job", cost.Model.Coefficients.CallbackPerJob),
        ("callback, per pending job per sweep", cost.Model.Coefficients.CallbackPerCheck),
        ("callback, per sweep", cost.Model.Coefficients.CallbackPerSweep),
        ("baseline, per job", cost.Model.Coefficients.BaselinePerJob),
        ("baseline, per poll cycle", cost.Model.Coefficients.BaselinePerPoll),
    ];

    /// <summary>The cost findings as label/value pairs, for a definition list or a two-column table.</summary>
    public IReadOnlyList<(string Label, string Value)> CostFacts
    {
        get
        {
            if (Data.Cost is not { } cost)
            {
                return [];
            }

            var at = cost.AtInputs;
            var i = cost.Inputs;
            var interval = CostChartSvg.Duration(i.PollInterval);
            List<(string, string)> facts =
            [
                ("workload", $"{Units(i.JobsPerMonth)} jobs a month, {CostChartSvg.Duration(i.AverageJobDuration)} each, polled every {interval} ({Units(i.PollsPerJob)} polls per job)"),
                ("callback per month", $"{Usd(at.Callback.ListUsd)} at list prices, {Usd(at.Callback.FreeTierUsd)} after free tiers"),
                ("polling baseline per month", $"{Usd(at.Baseline.ListUsd)} at list prices, {Usd(at.Baseline.FreeTierUsd)} after free tiers"),
                ("reduction", $"{Pct(at.ReductionPercent)} at list prices, {Pct(at.FreeTierReductionPercent)} after free tiers"),
                ("claimed 87 %", cost.ClaimHolds ? $"holds: {Pct(at.ReductionPercent)} ≥ 87 %" : $"does not hold: {Pct(at.ReductionPercent)} < 87 %"),
                ("break-even volume", cost.BreakEvenJobsPerMonth is { } n
                    ? $"below {Units(Math.Ceiling(n))} jobs a month (of this duration) the baseline is cheaper: the poller's sweeps cost {Usd(cost.Model.Compare(i with { JobsPerMonth = 0 }).Callback.ListUsd)} a month with nothing pending"
                    : "none: at this duration each job costs more with the callback"),
                ("break-even duration", cost.BreakEvenDuration switch
                {
                    { } d when d <= i.PollInterval => $"none: at {Units(i.JobsPerMonth)} jobs a month the callback is cheaper even for a job done at its first poll",
                    { } d => $"jobs shorter than {CostChartSvg.Duration(d)} are cheaper polled (at {Units(i.JobsPerMonth)} jobs a month)",
                    null => "none found: the callback is never cheaper at this volume",
                }),
                ("history limit of the loop", $"the polling loop reaches 25,000 history events after {CostChartSvg.Duration(cost.HistoryLimitDuration)} at one poll every {interval} ({Units(cost.Model.Coefficients.BaselineEventsPerPoll)} events per poll); the callback's history does not grow while it waits"),
                ("prices", $"{cost.Model.Prices.Region} list prices checked {cost.Model.Prices.Checked}, {Units(cost.Model.Prices.HoursPerMonth)} hours a month"),
            ];
            if (Data.Measured is { } m)
            {
                facts.Add(("measured on", $"{Data.Where}: {m.Callback.Jobs} jobs each way, sweep every {m.PollIntervalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s, baseline Wait {m.BaselineWaitSeconds} s (equal, so both poll equally often)"));
            }

            return facts;
        }
    }

    /// <summary>"12 ms".</summary>
    public static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>Dollars: two decimals from a dollar up, four significant digits below.</summary>
    public static string Usd(double usd) => usd >= 1
        ? "$" + usd.ToString("#,0.00", CultureInfo.InvariantCulture)
        : "$" + usd.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A unit count: whole numbers grouped, small fractions to four decimals.</summary>
    public static string Units(double value) => value >= 100
        ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>"93.4 %".</summary>
    public static string Pct(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Expected(ExecutionObservation e)
        => e.EndedAsExpected ? "yes"
            : $"no, expected {e.Scenario.Expectation.ExecutionStatus} {e.Scenario.Expectation.Error} / {e.Scenario.Expectation.RecordStatus}".Replace("  ", " ", StringComparison.Ordinal);
}
