using System.Collections.Concurrent;
using JobOrchestration.Functions.Common;

namespace JobOrchestration.Functions.Tests.Fakes;

internal sealed class RecordingLog : IFunctionLog
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public void LogInfo(string message) => lines.Enqueue("INFO " + message);

    public void LogWarning(string message) => lines.Enqueue("WARN " + message);

    public void LogError(string message, Exception? exception = null) =>
        lines.Enqueue("ERROR " + message + (exception is null ? string.Empty : " | " + exception));
}
