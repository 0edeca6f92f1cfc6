using Aws.Pricing;

namespace Poc.Cli.Tests.Cost;

public sealed class PriceTableTests
{
    [Fact]
    public void UsEast1_ShippedFile_HasTheListPricesAndFreeTiers()
    {
        var p = PriceTable.UsEast1;

        Assert.Equal("us-east-1", p.Region);
        Assert.Equal(730, p.HoursPerMonth);
        Assert.Equal(0.025 / 1000, p.Transitions.Usd / p.Transitions.Per, 12);
        Assert.Equal(4000, p.Transitions.FreePerMonth);
        Assert.Equal(0.20 / 1e6, p.LambdaRequests.Usd / p.LambdaRequests.Per, 12);
        Assert.Equal(1_000_000, p.LambdaRequests.FreePerMonth);
        Assert.Equal(0.0000166667, p.LambdaGbSeconds.Usd / p.LambdaGbSeconds.Per, 12);
        Assert.Equal(400_000, p.LambdaGbSeconds.FreePerMonth);
        Assert.Equal(0.125 / 1e6, p.ReadRequestUnits.Usd / p.ReadRequestUnits.Per, 12);
        Assert.Equal(0.625 / 1e6, p.WriteRequestUnits.Usd / p.WriteRequestUnits.Per, 12);
        Assert.Equal(0, p.ReadRequestUnits.FreePerMonth);
        Assert.Equal(0, p.WriteRequestUnits.FreePerMonth);
        Assert.Equal(1.00 / 1e6, p.SchedulerInvocations.Usd / p.SchedulerInvocations.Per, 12);
        Assert.Equal(14_000_000, p.SchedulerInvocations.FreePerMonth);
    }

    [Fact]
    public void UsEast1_EveryPrice_CitesAnAwsPricingPage()
    {
        Assert.All(PriceTable.UsEast1.All, p => Assert.StartsWith("https://aws.amazon.com/", p.Source, StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", PriceTable.UsEast1.Checked);
    }

    [Fact]
    public void Parse_MissingPrice_SaysWhichOne()
    {
        var e = Assert.Throws<System.Text.Json.JsonException>(() => PriceTable.Parse("""{"region":"x","currency":"USD","checked":"d","hoursPerMonth":730,"prices":{}}"""));

        Assert.Contains("transitions", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10_000, false, 0.25)]
    [InlineData(10_000, true, 0.15)]
    [InlineData(3_000, true, 0)]
    public void Cost_Transitions_PerThousandLessFreeTier(double units, bool freeTier, double expected)
        => Assert.Equal(expected, TestPrices.UsEast1.Transitions.Cost(units, freeTier), 10);
}
