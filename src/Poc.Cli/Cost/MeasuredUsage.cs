namespace Poc.Cli.Cost;

/// <summary>Everything the cost measurement counted: an idle spell (sweeps only), the callback run and the baseline run.</summary>
/// <param name="Idle">Usage while nothing was pending: what each sweep costs on its own.</param>
/// <param name="Callback">The jobs through poc-callback-workflow.</param>
/// <param name="Baseline">The same jobs through poc-polling-baseline.</param>
/// <param name="PollIntervalSeconds">Seconds between poller sweeps during the measurement.</param>
/// <param name="BaselineWaitSeconds">The baseline's Wait (pollIntervalSeconds input), equal to the sweep interval for a fair comparison.</param>
public sealed record MeasuredUsage(
    UsageSnapshot Idle,
    PhaseMeasurement Callback,
    PhaseMeasurement Baseline,
    double PollIntervalSeconds,
    int BaselineWaitSeconds);
