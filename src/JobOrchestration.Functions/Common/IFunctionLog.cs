namespace JobOrchestration.Functions.Common;

/// <summary>
/// Where the functions write their log lines. Lambda sends a function's stdout to CloudWatch Logs, so the real
/// implementation is the console; tests record the lines. Callers redact task tokens before logging them.
/// </summary>
public interface IFunctionLog
{
    void LogInfo(string message);

    void LogWarning(string message);

    void LogError(string message, Exception? exception = null);
}
