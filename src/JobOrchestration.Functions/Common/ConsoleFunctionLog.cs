using System.Text.Json.Nodes;

namespace JobOrchestration.Functions.Common;

/// <summary>One JSON object per line on stdout, which CloudWatch Logs Insights can query field by field.</summary>
public sealed class ConsoleFunctionLog(string source, TimeProvider time) : IFunctionLog
{
    private readonly object gate = new();

    public void LogInfo(string message) => Write("INFO", message, null);

    public void LogWarning(string message) => Write("WARN", message, null);

    public void LogError(string message, Exception? exception = null) => Write("ERROR", message, exception);

    private void Write(string level, string message, Exception? exception)
    {
        var line = new JsonObject
        {
            ["timestamp"] = Iso8601.Write(time.GetUtcNow()),
            ["level"] = level,
            ["source"] = source,
            ["message"] = message,
        };
        if (exception is not null)
        {
            line["errorType"] = exception.GetType().Name;
            line["errorMessage"] = exception.Message;
        }

        lock (gate)
        {
            Console.Out.WriteLine(line.ToJsonString());
        }
    }
}
