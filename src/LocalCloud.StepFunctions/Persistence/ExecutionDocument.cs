using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>An execution as stored: written when it starts and again, with its result, when it ends.</summary>
public sealed record ExecutionDocument(
    string Arn,
    string Name,
    string StateMachineArn,
    string Version,
    string Input,
    DateTimeOffset StartDate,
    string Status,
    DateTimeOffset? StopDate,
    string? Output,
    string? Error,
    string? Cause,
    string AccountId,
    string Region,
    string RequestId)
{
    public int V { get; init; } = 1;

    /// <summary>The record of <paramref name="execution"/>: running while <paramref name="result"/> is null.</summary>
    public static ExecutionDocument From(Execution execution, ExecutionResult? result)
        => new(execution.Arn, execution.Name, execution.Machine.Arn, StatesCollections.VersionKey(execution.Machine.Arn, execution.Machine.RevisionId),
            execution.Input, execution.StartDate, result?.Status ?? ExecutionStatus.Running, result?.StopDate, result?.Output, result?.Error, result?.Cause,
            execution.Context.AccountId, execution.Context.Region, execution.Context.RequestId);

    /// <summary>How it ended, or null when it was still running.</summary>
    public ExecutionResult? Result() => Status == ExecutionStatus.Running ? null : new ExecutionResult(Status, StopDate ?? StartDate, Output, Error, Cause);
}
