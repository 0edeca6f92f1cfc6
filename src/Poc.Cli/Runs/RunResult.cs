namespace Poc.Cli.Runs;

/// <summary>How a run ended.</summary>
/// <param name="Executions">Every execution, in start order.</param>
/// <param name="Elapsed">From the first start to the last execution settling.</param>
/// <param name="PollerInvocations">How often poc invoked the poller.</param>
public sealed record RunResult(IReadOnlyList<ExecutionObservation> Executions, TimeSpan Elapsed, int PollerInvocations)
{
    /// <summary>True when every execution ended as its scenario expects.</summary>
    public bool AllAsExpected => Executions.Count > 0 && Executions.All(e => e.EndedAsExpected);
}
