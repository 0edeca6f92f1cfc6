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
}
