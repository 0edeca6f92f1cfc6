using System.Text.Json.Nodes;
using Poc.Bench;
using Poc.Bench.Sections;
using Poc.Bench.Support;

namespace Poc.Cli.Tests.Bench;

public sealed class TestStateBenchTests
{
    [Fact]
    public async Task Section_TimesEveryCall_AndStatesItsTarget()
    {
        var report = new BenchReport();

        await TestStateBench.RunAsync(20, report, TestContext.Current.CancellationToken);

        var section = report.ToJson(new JsonObject(), "0", "0")["sections"]!["testState"]!;
        Assert.Equal(20, section["calls"]!.GetValue<int>());
        Assert.Equal(20, section["roundTrip"]!["count"]!.GetValue<int>());
        Assert.Equal(5, section["targetP99Ms"]!.GetValue<int>());
        Assert.Contains("TestState", report.Table(), StringComparison.Ordinal);
        Assert.Contains("test-state", BenchOptions.AllSections);
        Assert.Equal(50, BenchOptions.Parse(["--test-state-calls", "50"]).TestStateCalls);
    }
}
