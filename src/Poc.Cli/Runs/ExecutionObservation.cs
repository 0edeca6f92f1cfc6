using Poc.Cli.History;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Runs;

/// <summary>Everything poc saw of one execution: its description, its history and its poc-task-tokens record.</summary>
public sealed record ExecutionObservation(Scenario Scenario, WorkflowKind Workflow, string ExecutionArn, string ExecutionName)
{
    /// <summary>RUNNING until the execution ends.</summary>
    public string Status { get; init; } = ExecutionStatuses.Running;

    /// <summary>The execution's error, when it failed.</summary>
    public string? Error { get; init; }

    /// <summary>The execution's cause, when it failed.</summary>
    public string? Cause { get; init; }

    /// <summary>The execution's output JSON, when it succeeded.</summary>
    public string? Output { get; init; }

    /// <summary>The history so far, oldest first.</summary>
    public IReadOnlyList<HistoryEvent> History { get; init; } = [];

    /// <summary>The poc-task-tokens record, once create-job wrote it (the baseline writes none).</summary>
    public TokenRecord? Record { get; init; }

    /// <summary>True once poc gave up waiting for this execution.</summary>
    public bool GaveUp { get; init; }

    /// <summary>True once the execution ended.</summary>
    public bool IsFinished => ExecutionStatuses.IsTerminal(Status);

    /// <summary>The task token, from the record or else from TaskScheduled's parameters.</summary>
    public string? TaskToken => Record?.TaskToken is { Length: > 0 } token ? token : HistoryAnalysis.CallbackScheduled(History)?.FindTaskToken();

    /// <summary>The callback outcome and the next state, once the workflow resumed.</summary>
    public Reconnection? Reconnection => HistoryAnalysis.FindReconnection(History);

    /// <summary>True when the execution ended the way its scenario says.</summary>
    public bool MatchesExpectation
        => Status == Scenario.Expectation.ExecutionStatus
           && (Scenario.Expectation.Succeeds || string.Equals(Error, Scenario.Expectation.Error, StringComparison.Ordinal));

    /// <summary>
    /// True when the callback workflow's poc-task-tokens record ended as the scenario says (the baseline
    /// keeps no record). A workflow that ends right while its record stays PENDING is a poller bug.
    /// </summary>
    public bool RecordMatchesExpectation
        => Workflow != WorkflowKind.Callback || string.Equals(Record?.Status, Scenario.Expectation.RecordStatus, StringComparison.Ordinal);

    /// <summary>Both the execution and its record ended as the scenario says.</summary>
    public bool EndedAsExpected => MatchesExpectation && RecordMatchesExpectation;
}
