namespace Poc.Cli.Cost;

/// <summary>Both designs priced for one workload.</summary>
public sealed record CostComparison(CostInputs Inputs, WorkflowCost Callback, WorkflowCost Baseline)
{
    /// <summary>How much cheaper the callback is, in percent of the baseline at list prices (negative: dearer).</summary>
    public double ReductionPercent => Reduction(Callback.ListUsd, Baseline.ListUsd);

    /// <summary>The same after the free tiers.</summary>
    public double FreeTierReductionPercent => Reduction(Callback.FreeTierUsd, Baseline.FreeTierUsd);

    private static double Reduction(double callback, double baseline)
        => baseline <= 0 ? 0 : (baseline - callback) / baseline * 100;
}
