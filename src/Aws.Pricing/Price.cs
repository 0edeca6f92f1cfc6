namespace Aws.Pricing;

/// <summary>The list price of one billing unit and its monthly free allowance.</summary>
/// <param name="Unit">What is billed.</param>
/// <param name="Usd">Dollars per <paramref name="Per"/> units.</param>
/// <param name="Per">How many units <paramref name="Usd"/> buys (1,000 transitions, 1M requests…).</param>
/// <param name="FreePerMonth">Units free each month (the always-free tier), 0 when none.</param>
/// <param name="Source">The AWS page the price was read from, and what it says.</param>
public sealed record Price(string Unit, double Usd, double Per, double FreePerMonth, string Source)
{
    /// <summary>Dollars for <paramref name="units"/> in one month, less the free allowance when <paramref name="freeTier"/>.</summary>
    public double Cost(double units, bool freeTier)
        => Math.Max(0, units - (freeTier ? FreePerMonth : 0)) * Usd / Per;
}
