using Poc.Cli.Runs;

namespace Poc.Cli.Cost;

/// <summary>The usage counted while one workflow ran a set of jobs (counters reset just before), and the executions.</summary>
public sealed record PhaseMeasurement(UsageSnapshot Usage, IReadOnlyList<ExecutionObservation> Executions)
{
    /// <summary>Jobs started in the phase.</summary>
    public int Jobs => Executions.Count;
}
