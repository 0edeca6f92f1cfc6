using Aws.Pricing;

namespace Poc.Cli.Cost;

/// <summary>One design's monthly units and what they cost, with and without the always-free tiers.</summary>
/// <param name="Units">Billing units per month.</param>
/// <param name="ListUsd">Dollars per month at list prices, no free tier.</param>
/// <param name="FreeTierUsd">Dollars per month after the always-free allowances (as if it were the account's only workload).</param>
/// <param name="ByService">List-price dollars per billed unit kind, in the price table's order.</param>
public sealed record WorkflowCost(BillingUnits Units, double ListUsd, double FreeTierUsd, IReadOnlyList<(string Unit, double Usd)> ByService)
{
    /// <summary>Prices <paramref name="units"/> with <paramref name="prices"/>.</summary>
    public static WorkflowCost Price(BillingUnits units, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(prices);
        var priced = units.Priced(prices);
        var byService = priced.Select(p => (p.Price.Unit, p.Price.Cost(p.Units, freeTier: false))).ToList();
        return new WorkflowCost(
            units,
            byService.Sum(s => s.Item2),
            priced.Sum(p => p.Price.Cost(p.Units, freeTier: true)),
            byService);
    }
}
