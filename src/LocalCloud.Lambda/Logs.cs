using Microsoft.Extensions.Logging;

namespace LocalCloud.Lambda;

/// <summary>The service's log messages, source-generated so disabled levels cost nothing (worker output is hot).</summary>
internal static partial class Logs
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "[{WorkerId}] {Line}")]
    public static partial void WorkerOutput(this ILogger logger, string workerId, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started Lambda worker {WorkerId} (pid {Pid}) for {Function}")]
    public static partial void WorkerStarted(this ILogger logger, string workerId, int pid, string function);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping idle Lambda worker {WorkerId}")]
    public static partial void WorkerIdle(this ILogger logger, string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start a worker for {Function}")]
    public static partial void WorkerStartFailed(this ILogger logger, Exception exception, string function);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not stop Lambda worker {WorkerId}")]
    public static partial void WorkerKillFailed(this ILogger logger, Exception exception, string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event invocation {RequestId} of {Function} failed: {ErrorType}")]
    public static partial void EventFailed(this ILogger logger, string requestId, string function, string? errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Some Event invocations were still running when the Lambda service stopped")]
    public static partial void EventsStillRunning(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "A background step of {Function} (activation or update) failed")]
    public static partial void LifecycleStepFailed(this ILogger logger, Exception exception, string function);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event invocation {RequestId} of {Function} failed ({ErrorType}); retrying in {Delay} (attempt {Attempt})")]
    public static partial void EventRetrying(this ILogger logger, string requestId, string function, string? errorType, TimeSpan delay, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event invocation {RequestId} of {Function} dropped: {Reason}")]
    public static partial void EventDropped(this ILogger logger, string requestId, string function, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Functions} Lambda functions and {Events} queued Event invocations")]
    public static partial void Restored(this ILogger logger, int functions, int events);
}
