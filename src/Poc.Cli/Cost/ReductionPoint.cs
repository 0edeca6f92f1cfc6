namespace Poc.Cli.Cost;

/// <summary>One point of the reduction chart: a job duration and what each design costs a month.</summary>
public sealed record ReductionPoint(TimeSpan Duration, double CallbackUsd, double BaselineUsd)
{
    /// <summary>Percent the callback saves over the baseline (negative: it costs more).</summary>
    public double ReductionPercent => BaselineUsd <= 0 ? 0 : (BaselineUsd - CallbackUsd) / BaselineUsd * 100;
}
