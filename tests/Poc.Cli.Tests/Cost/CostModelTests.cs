using Poc.Cli.Cost;

namespace Poc.Cli.Tests.Cost;

public sealed class CostModelTests
{
    private readonly CostModel model = new(TestPrices.Simple, TestPrices.UsEast1);

    [Theory]
    [InlineData(30, 60, 30)]
    [InlineData(1.5, 60, 2)]
    [InlineData(0.1, 60, 1)]
    [InlineData(10, 30, 20)]
    public void PollsPerJob_DurationOverInterval_RoundedUpAtLeastOne(double minutes, double intervalSeconds, double expected)
        => Assert.Equal(expected, new CostInputs(1, TimeSpan.FromMinutes(minutes), TimeSpan.FromSeconds(intervalSeconds)).PollsPerJob);

    [Fact]
    public void SweepsPerMonth_OneMinute_IsMinutesInA730HourMonth()
        => Assert.Equal(43_800, model.SweepsPerMonth(TimeSpan.FromMinutes(1)), 6);

    [Fact]
    public void CallbackUnits_Defaults_PerJobPlusChecksPlusSweeps()
    {
        var u = model.CallbackUnits(CostInputs.Defaults);

        Assert.Equal(40_000, u.Transitions, 6);
        Assert.Equal((10_000 * 30) + 43_800, u.LambdaRequests, 6);
        Assert.Equal(300_000, u.WriteRequestUnits, 6);
        Assert.Equal(43_800, u.SchedulerInvocations, 6);
    }

    [Fact]
    public void BaselineUnits_Defaults_TransitionsGrowWithPolls()
    {
        var u = model.BaselineUnits(CostInputs.Defaults);

        Assert.Equal(10_000 * (10 + (3 * 30)), u.Transitions, 6);
        Assert.Equal(10_000 * 31, u.LambdaRequests, 6);
        Assert.Equal(0, u.WriteRequestUnits);
    }

    [Fact]
    public void Compare_Defaults_HandComputedDollars()
    {
        var c = model.Compare(CostInputs.Defaults);

        // Callback: 40,000 transitions $1.00 + 343,800 requests $0.06876 + 300,000 WRU $0.1875 + 43,800 invocations $0.0438.
        Assert.Equal(1.30006, c.Callback.ListUsd, 8);
        // Baseline: 1,000,000 transitions $25.00 + 310,000 requests $0.062.
        Assert.Equal(25.062, c.Baseline.ListUsd, 8);
        Assert.Equal(94.81262469, c.ReductionPercent, 6);
        // Free tiers: 36,000 billable transitions $0.90 + the writes; requests and invocations are all free.
        Assert.Equal(1.0875, c.Callback.FreeTierUsd, 8);
        Assert.Equal(24.90, c.Baseline.FreeTierUsd, 8);
    }

    [Fact]
    public void BreakEvenJobsPerMonth_Defaults_SweepCostOverPerJobSaving()
    {
        // Sweeps: 43,800 × ($0.0000002 + $0.000001) = $0.05256; each job saves $0.0025062 − $0.00012475.
        Assert.Equal(0.05256 / 0.00238145, model.BreakEvenJobsPerMonth(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1))!.Value, 6);
    }

    [Fact]
    public void BreakEvenJobsPerMonth_CallbackDearerPerJob_IsNull()
    {
        var dear = new CostModel(TestPrices.Simple with { CallbackPerJob = BillingUnits.Zero with { Transitions = 1000 } }, TestPrices.UsEast1);

        Assert.Null(dear.BreakEvenJobsPerMonth(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void BreakEvenDuration_TenJobs_FirstPollCountWhereCallbackWins()
    {
        // callback(p) = $0.05356 + $0.00000825·p, baseline(p) = $0.002502 + $0.000752·p: equal at p ≈ 68.65.
        Assert.Equal(TimeSpan.FromMinutes(69), model.BreakEvenDuration(10, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void BreakEvenDuration_ManyJobs_OnePollAlreadyWins()
        => Assert.Equal(TimeSpan.FromMinutes(1), model.BreakEvenDuration(10_000, TimeSpan.FromMinutes(1)));

    [Fact]
    public void HistoryLimitDuration_NineEventsPerPoll_FloorOfRemainingEvents()
    {
        // (25,000 − 20) / 9 = 2,775.5 → 2,775 polls of one minute.
        Assert.Equal(TimeSpan.FromMinutes(2775), model.HistoryLimitDuration(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Analysis_Defaults_ClaimHoldsAndSeriesCoverEveryInterval()
    {
        var a = CostAnalysis.Run(model, CostInputs.Defaults);

        Assert.True(a.ClaimHolds);
        Assert.Equal(3, a.Series.Count);
        Assert.All(a.Series, s => Assert.Equal(CostAnalysis.ChartDurations.Count, s.Points.Count));
        var oneMinute = a.Series.Single(s => s.PollInterval == TimeSpan.FromMinutes(1));
        Assert.Equal(a.AtInputs.ReductionPercent, oneMinute.Points.Single(p => p.Duration == TimeSpan.FromMinutes(30)).ReductionPercent, 9);
    }

    [Fact]
    public void Analysis_FewShortJobs_ClaimFailsAndReductionNegative()
    {
        var a = CostAnalysis.Run(model, new CostInputs(5, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));

        Assert.False(a.ClaimHolds);
        Assert.True(a.AtInputs.ReductionPercent < 0);
    }

    [Fact]
    public void Analysis_UnusualInterval_AddsItsOwnSeries()
        => Assert.Equal(4, CostAnalysis.Run(model, CostInputs.Defaults with { PollInterval = TimeSpan.FromMinutes(2) }).Series.Count);
}
