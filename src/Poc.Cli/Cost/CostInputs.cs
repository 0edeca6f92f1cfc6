namespace Poc.Cli.Cost;

/// <summary>The monthly workload the measured units are projected to.</summary>
/// <param name="JobsPerMonth">Jobs started per month.</param>
/// <param name="AverageJobDuration">How long the external job runs on average.</param>
/// <param name="PollInterval">The poller's schedule rate, and the baseline's Wait (equal, for a fair comparison).</param>
public sealed record CostInputs(double JobsPerMonth, TimeSpan AverageJobDuration, TimeSpan PollInterval)
{
    /// <summary>10,000 jobs a month of 30 minutes, polled every minute.</summary>
    public static CostInputs Defaults { get; } = new(10_000, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1));

    /// <summary>
    /// Status checks one job needs: one per interval until it is seen finished, so ⌈duration / interval⌉, at least one.
    /// </summary>
    public double PollsPerJob => Math.Max(1, Math.Ceiling((AverageJobDuration.TotalSeconds / PollInterval.TotalSeconds) - 1e-9));
}
