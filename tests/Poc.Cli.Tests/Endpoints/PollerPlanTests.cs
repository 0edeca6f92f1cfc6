using Poc.Cli.Cli;
using Poc.Cli.Endpoints;

namespace Poc.Cli.Tests.Endpoints;

public sealed class PollerPlanTests
{
    private static readonly PollerArgs Defaults = new(null, null, null);

    [Fact]
    public void Resolve_LocalCloudWithKnownScale_ScheduleFiresScaledAndPocDoesNotTrigger()
    {
        var plan = PollerPlan.Resolve(Defaults, EndpointKind.LocalCloud, 0.05);

        Assert.False(plan.TriggerPoller);
        Assert.Equal(3, plan.IntervalSeconds, 6);
        Assert.Equal(TimeSpan.FromSeconds(66), plan.Timeout);
    }

    [Theory]
    [InlineData(EndpointKind.Aws)]
    [InlineData(EndpointKind.OtherEmulator)]
    public void Resolve_NotLocalCloud_PocTriggersEveryFiveSeconds(EndpointKind kind)
    {
        var plan = PollerPlan.Resolve(Defaults, kind, null);

        Assert.True(plan.TriggerPoller);
        Assert.Equal(PollerPlan.TriggeredIntervalSeconds, plan.IntervalSeconds);
    }

    [Fact]
    public void Resolve_LocalCloudWithUnknownScale_Triggers()
    {
        Assert.True(PollerPlan.Resolve(Defaults, EndpointKind.LocalCloud, null).TriggerPoller);
    }

    [Fact]
    public void Resolve_AwsWithTriggerOff_WaitsForTheMinuteSchedule()
    {
        var plan = PollerPlan.Resolve(new PollerArgs(null, false, null), EndpointKind.Aws, null);

        Assert.False(plan.TriggerPoller);
        Assert.Equal(60, plan.IntervalSeconds);
    }

    [Fact]
    public void Resolve_ExplicitOptions_Win()
    {
        var plan = PollerPlan.Resolve(new PollerArgs(2, true, 40), EndpointKind.LocalCloud, 0.05);

        Assert.Equal(new PollerPlan(2, true, TimeSpan.FromSeconds(40)), plan);
    }
}
