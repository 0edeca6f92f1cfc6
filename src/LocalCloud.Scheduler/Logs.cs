using Microsoft.Extensions.Logging;

namespace LocalCloud.Scheduler;

internal static partial class Logs
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleArn} fired for {TargetArn} (due {DueTime:O})")]
    public static partial void Fired(this ILogger logger, string scheduleArn, string targetArn, DateTimeOffset dueTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleArn}: target {TargetArn} is not one LocalCloud can invoke (a Lambda function, a state machine, or a universal target of a service it hosts)")]
    public static partial void UnsupportedTarget(this ILogger logger, string scheduleArn, string targetArn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleArn}: attempt {Attempt} to invoke {TargetArn} failed: {Error}")]
    public static partial void AttemptFailed(this ILogger logger, string scheduleArn, int attempt, string targetArn, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleArn}: dropped the invocation of {TargetArn} after {Attempts} attempts")]
    public static partial void Dropped(this ILogger logger, string scheduleArn, string targetArn, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleArn} fell behind while the clock jumped; occurrences after the first {CatchUp} missed ones were skipped")]
    public static partial void Skipped(this ILogger logger, string scheduleArn, int catchUp);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {ScheduleArn} completed but could not be deleted or marked completed")]
    public static partial void CompletionFailed(this ILogger logger, string scheduleArn, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleArn}: dropped the invocation of {TargetArn} due {DueTime:O}, older than its MaximumEventAgeInSeconds")]
    public static partial void TooOld(this ILogger logger, string scheduleArn, string targetArn, DateTimeOffset dueTime);
}
