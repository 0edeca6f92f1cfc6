using Aws.Pricing;

namespace Poc.Cli.Cost;

/// <summary>Projects measured per-job units to a month of work and prices both designs.</summary>
public sealed class CostModel(CostCoefficients coefficients, PriceTable prices)
{
    /// <summary>The coefficients the model projects.</summary>
    public CostCoefficients Coefficients { get; } = coefficients ?? throw new ArgumentNullException(nameof(coefficients));

    /// <summary>The prices it applies.</summary>
    public PriceTable Prices { get; } = prices ?? throw new ArgumentNullException(nameof(prices));

    /// <summary>Poller sweeps in a month: one per interval, all month, whether or not anything is pending.</summary>
    public double SweepsPerMonth(TimeSpan pollInterval) => Prices.SecondsPerMonth / pollInterval.TotalSeconds;

    /// <summary>Callback: per-job units, plus each job checked once per sweep while it runs, plus every sweep of the month.</summary>
    public BillingUnits CallbackUnits(CostInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Coefficients.CallbackPerJob.Times(inputs.JobsPerMonth)
            .Plus(Coefficients.CallbackPerCheck.Times(inputs.JobsPerMonth * inputs.PollsPerJob))
            .Plus(Coefficients.CallbackPerSweep.Times(SweepsPerMonth(inputs.PollInterval)));
    }

    /// <summary>Baseline: per-job units plus one poll cycle per interval the job runs.</summary>
    public BillingUnits BaselineUnits(CostInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Coefficients.BaselinePerJob.Plus(Coefficients.BaselinePerPoll.Times(inputs.PollsPerJob)).Times(inputs.JobsPerMonth);
    }

    /// <summary>Both designs priced for <paramref name="inputs"/>.</summary>
    public CostComparison Compare(CostInputs inputs)
        => new(inputs, WorkflowCost.Price(CallbackUnits(inputs), Prices), WorkflowCost.Price(BaselineUnits(inputs), Prices));

    /// <summary>
    /// Jobs per month below which the baseline is cheaper at list prices: the sweeps' fixed monthly cost divided by
    /// what each job saves. Null when a job saves nothing (the callback never pays off at this duration).
    /// </summary>
    public double? BreakEvenJobsPerMonth(TimeSpan duration, TimeSpan pollInterval)
    {
        var one = new CostInputs(1, duration, pollInterval);
        var none = one with { JobsPerMonth = 0 };
        var fixedUsd = Compare(none).Callback.ListUsd;
        var savedPerJob = Compare(one).Baseline.ListUsd - (Compare(one).Callback.ListUsd - fixedUsd);
        return savedPerJob > 0 ? fixedUsd / savedPerJob : null;
    }

    /// <summary>
    /// The shortest job (a whole number of poll intervals, up to <paramref name="maxPolls"/>) for which the callback is
    /// cheaper at list prices with <paramref name="jobsPerMonth"/>; null when it never is within that range.
    /// </summary>
    public TimeSpan? BreakEvenDuration(double jobsPerMonth, TimeSpan pollInterval, int maxPolls = 100_000)
    {
        for (var polls = 1; polls <= maxPolls; polls++)
        {
            var inputs = new CostInputs(jobsPerMonth, pollInterval * polls, pollInterval);
            var c = Compare(inputs);
            if (c.Callback.ListUsd < c.Baseline.ListUsd)
            {
                return inputs.AverageJobDuration;
            }
        }

        return null;
    }

    /// <summary>
    /// The longest job the polling loop can wait for before its history reaches <paramref name="eventLimit"/> events
    /// (Step Functions Standard fails an execution at 25,000 history events).
    /// </summary>
    /// <remarks>Quota "Maximum execution history size: 25,000 events": https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html</remarks>
    public TimeSpan HistoryLimitDuration(TimeSpan pollInterval, int eventLimit = 25_000)
    {
        if (Coefficients.BaselineEventsPerPoll <= 0)
        {
            return TimeSpan.MaxValue;
        }

        var polls = Math.Floor((eventLimit - Coefficients.BaselineEventsPerJob) / Coefficients.BaselineEventsPerPoll);
        return pollInterval * Math.Max(0, polls);
    }
}
