namespace Poc.Cli.Scenarios;

/// <summary>Which state machine a run starts.</summary>
public enum WorkflowKind
{
    /// <summary>poc-callback-workflow: waitForTaskToken, the poller calls back.</summary>
    Callback,

    /// <summary>poc-polling-baseline: the state machine polls itself (Wait → check → Choice).</summary>
    Baseline,
}
