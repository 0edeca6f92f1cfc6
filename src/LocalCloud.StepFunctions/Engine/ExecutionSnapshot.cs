namespace LocalCloud.StepFunctions.Engine;

/// <summary>A consistent copy of an execution's state and history at one moment.</summary>
public sealed record ExecutionSnapshot(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string Input,
    string? Output,
    string? Error,
    string? Cause,
    IReadOnlyList<HistoryEvent> History);
