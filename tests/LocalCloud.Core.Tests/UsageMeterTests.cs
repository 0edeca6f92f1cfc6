using LocalCloud.Core.Usage;

namespace LocalCloud.Core.Tests;

public sealed class UsageMeterTests
{
    [Fact]
    public void Add_SameKeyTwice_SumsAmounts()
    {
        var meter = new UsageMeter();
        meter.Add("states", "StateTransitions", "arn:sm", 2);
        meter.Add("states", "StateTransitions", "arn:sm", 3);
        meter.Add("lambda", "Requests", "f");

        Assert.Equal(5, meter.Get("states", "StateTransitions", "arn:sm"));
        Assert.Equal(5, meter.Total("states", "StateTransitions"));
        Assert.Equal(2, meter.Snapshot().Count);
    }
}
