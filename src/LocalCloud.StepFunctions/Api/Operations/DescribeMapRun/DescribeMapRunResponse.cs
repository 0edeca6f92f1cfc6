namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeMapRunResponse(
    string MapRunArn,
    string ExecutionArn,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    int MaxConcurrency,
    double ToleratedFailurePercentage,
    long ToleratedFailureCount,
    MapRunItemCounts ItemCounts,
    MapRunExecutionCounts ExecutionCounts,
    int RedriveCount,
    DateTimeOffset? RedriveDate);

public sealed record MapRunItemCounts(long Pending, long Running, long Succeeded, long Failed, long TimedOut, long Aborted, long Total, long ResultsWritten,
    long FailuresNotRedrivable, long PendingRedrive);

public sealed record MapRunExecutionCounts(long Pending, long Running, long Succeeded, long Failed, long TimedOut, long Aborted, long Total, long ResultsWritten,
    long FailuresNotRedrivable, long PendingRedrive);
