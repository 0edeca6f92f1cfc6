namespace Poc.Cli.Checks;

/// <summary>The key points of the callback pattern that poc test checks on every execution.</summary>
public enum PatternCheck
{
    /// <summary>Step Functions minted a task token for the callback task.</summary>
    TokenGenerated,

    /// <summary>No two executions share a token.</summary>
    TokenUnique,

    /// <summary>create-job stored the token in poc-task-tokens.</summary>
    TokenPersisted,

    /// <summary>The poller checked the job as often as the scenario implies.</summary>
    PollingCycles,

    /// <summary>After the callback (or the timeout) the workflow entered its next state.</summary>
    Reconnected,

    /// <summary>The execution ended with the expected status, error or output.</summary>
    FinalStatus,

    /// <summary>The record ended in the expected status.</summary>
    RecordStatus,
}
