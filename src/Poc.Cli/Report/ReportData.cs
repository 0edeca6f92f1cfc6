using Poc.Cli.Cost;
using Poc.Cli.Runs;

namespace Poc.Cli.Report;

/// <summary>Everything a report shows, gathered by poc demo / poc report (or canned, in tests).</summary>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="Where">The endpoint it was measured on.</param>
/// <param name="PollIntervalSeconds">Seconds between poller sweeps during the runs.</param>
/// <param name="Scenarios">Every scenario once through the callback workflow.</param>
/// <param name="BaselineExecutions">The baseline's executions of the cost measurement (empty when not measured).</param>
/// <param name="CallbackAsl">The callback workflow's definition as deployed (callback.asl.json or its JSONata flavour).</param>
/// <param name="BaselineAsl">The polling baseline's definition as deployed.</param>
public sealed record ReportData(
    DateTimeOffset GeneratedAt,
    string Where,
    double PollIntervalSeconds,
    IReadOnlyList<ExecutionObservation> Scenarios,
    IReadOnlyList<ExecutionObservation> BaselineExecutions,
    string CallbackAsl,
    string BaselineAsl)
{
    /// <summary>The query language the workflows were written in.</summary>
    public Deploy.WorkflowFlavour Flavour { get; init; }

    /// <summary>The measured usage, when cost was measured.</summary>
    public MeasuredUsage? Measured { get; init; }

    /// <summary>The cost analysis, when cost was measured.</summary>
    public CostAnalysis? Cost { get; init; }

    /// <summary>Why cost is missing, when it is.</summary>
    public string? CostNote { get; init; }
}
