using Aws.Pricing;
using Poc.Cli.Cost;

namespace Poc.Cli.Tests.Cost;

// The brief's us-east-1 list prices, spelled out so the hand-computed expectations below do not depend on the shipped file.
internal static class TestPrices
{
    public static PriceTable UsEast1 { get; } = new(
        "us-east-1", "USD", "2026-11-26", 730,
        new Price("transition", 0.025, 1000, 4000, "s"),
        new Price("request", 0.20, 1_000_000, 1_000_000, "s"),
        new Price("GB-s", 0.0000166667, 1, 400_000, "s"),
        new Price("RRU", 0.125, 1_000_000, 0, "s"),
        new Price("WRU", 0.625, 1_000_000, 0, "s"),
        new Price("invocation", 1.00, 1_000_000, 14_000_000, "s"));

    // Round numbers that make the monthly totals easy to check by hand.
    public static CostCoefficients Simple { get; } = new(
        CallbackPerJob: BillingUnits.Zero with { Transitions = 4 },
        CallbackPerCheck: BillingUnits.Zero with { LambdaRequests = 1, WriteRequestUnits = 1 },
        CallbackPerSweep: BillingUnits.Zero with { LambdaRequests = 1, SchedulerInvocations = 1 },
        BaselinePerJob: BillingUnits.Zero with { Transitions = 10, LambdaRequests = 1 },
        BaselinePerPoll: BillingUnits.Zero with { Transitions = 3, LambdaRequests = 1 },
        BaselineEventsPerJob: 20,
        BaselineEventsPerPoll: 9);
}
