using System.Text;
using System.Text.Json.Nodes;

namespace JobOrchestration.Functions.Common;

/// <summary>
/// Writes each Embedded Metric Format document as one line on stdout, where Lambda hands it to CloudWatch Logs, which
/// extracts the metrics. The line must be the bare JSON object ("The LogEvent message MUST be a valid JSON object with no
/// additional data at the beginning or end", https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html),
/// but the .NET Lambda runtime puts its own prefix (timestamp, request id, level) on whatever goes through Console.Out.
/// So the line goes straight to the process's standard output stream instead, as Powertools for AWS Lambda (.NET) does
/// for its metrics.
/// </summary>
public sealed class StdoutMetricsSink : IMetricsSink, IDisposable
{
    private readonly object gate = new();
    private readonly Stream stdout;

    public StdoutMetricsSink()
        : this(Console.OpenStandardOutput())
    {
    }

    internal StdoutMetricsSink(Stream output)
    {
        stdout = output;
    }

    public void Publish(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var line = Encoding.UTF8.GetBytes(document.ToJsonString() + "\n");
        lock (gate)
        {
            // Console.Out may hold a partial line of its own; flushing it first keeps both on separate, whole lines.
            Console.Out.Flush();
            stdout.Write(line);
            stdout.Flush();
        }
    }

    public void Dispose() => stdout.Dispose();
}
