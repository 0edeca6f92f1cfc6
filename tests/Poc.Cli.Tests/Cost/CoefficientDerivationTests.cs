using Poc.Cli.Cli;
using Poc.Cli.Cost;

namespace Poc.Cli.Tests.Cost;

public sealed class CoefficientDerivationTests
{
    private readonly CostCoefficients c = CoefficientDerivation.Derive(MeasuredRuns.Measured);

    [Fact]
    public void Derive_PerSweep_IdleUsageOverIdleSweeps()
    {
        Assert.Equal(1, c.CallbackPerSweep.LambdaRequests, 9);
        Assert.Equal(0.1, c.CallbackPerSweep.LambdaGbSeconds, 9);
        Assert.Equal(0.5, c.CallbackPerSweep.ReadRequestUnits, 9);
        Assert.Equal(1, c.CallbackPerSweep.SchedulerInvocations, 9);
    }

    [Fact]
    public void Derive_CallbackPerJob_TransitionsCreateJobCreateCallAndThreeWrites()
    {
        Assert.Equal(4, c.CallbackPerJob.Transitions, 9);
        Assert.Equal(2, c.CallbackPerJob.LambdaRequests, 9);
        Assert.Equal(0.3, c.CallbackPerJob.LambdaGbSeconds, 9);
        Assert.Equal(3, c.CallbackPerJob.WriteRequestUnits, 9);
        Assert.Equal(0, c.CallbackPerJob.ReadRequestUnits, 9);
    }

    [Fact]
    public void Derive_CallbackPerCheck_ApiCallExtraPollerTimeQueryShareAndClaim()
    {
        // 5 checks: api 7 − 2 creates = 5 batch calls (0.5 GB-s), poller 1.1 − 6 × 0.1 = 0.5 GB-s, reads 5.5 − 6 × 0.5 = 2.5, 11 writes over 3×2 + 5.
        Assert.Equal(1, c.CallbackPerCheck.LambdaRequests, 9);
        Assert.Equal(0.2, c.CallbackPerCheck.LambdaGbSeconds, 9);
        Assert.Equal(0.5, c.CallbackPerCheck.ReadRequestUnits, 9);
        Assert.Equal(1, c.CallbackPerCheck.WriteRequestUnits, 9);
        Assert.Equal(0, c.CallbackPerCheck.Transitions, 9);
    }

    [Fact]
    public void Derive_Baseline_PollCycleFromHistoryRestPerJob()
    {
        Assert.Equal(3, c.BaselinePerPoll.Transitions, 9);
        Assert.Equal(1, c.BaselinePerPoll.LambdaRequests, 9);
        Assert.Equal(0.1, c.BaselinePerPoll.LambdaGbSeconds, 9);
        Assert.Equal(10, c.BaselinePerJob.Transitions, 9);
        Assert.Equal(1, c.BaselinePerJob.LambdaRequests, 9);
        Assert.Equal(0, c.BaselinePerJob.WriteRequestUnits, 9);
    }

    [Fact]
    public void Derive_BaselineEvents_NinePerPollRestPerJob()
    {
        // 13 events outside the loop in each canned history.
        Assert.Equal(9, c.BaselineEventsPerPoll, 9);
        Assert.Equal(13, c.BaselineEventsPerJob, 9);
    }

    [Fact]
    public void Derive_NoIdleSweep_IsAClearError()
    {
        var e = Assert.Throws<PocException>(() => CoefficientDerivation.Derive(MeasuredRuns.Measured with { Idle = UsageSnapshot.Empty }));

        Assert.Equal(Messages.NoSweepMeasured, e.Message);
    }

    [Fact]
    public void Derive_BaselineWithSinglePolls_CannotTellACycle()
    {
        var single = MeasuredRuns.Baseline with { Executions = [MeasuredRuns.BaselineJob(1)] };

        Assert.Throws<PocException>(() => CoefficientDerivation.Derive(MeasuredRuns.Measured with { Baseline = single }));
    }

    [Fact]
    public void Checks_SumOfRecordAttempts()
        => Assert.Equal(5, CoefficientDerivation.Checks(MeasuredRuns.Callback));
}
