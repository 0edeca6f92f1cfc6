using System.Text.Json.Nodes;

namespace JobOrchestration.Functions.Poller;

/// <summary>
/// What one sweep reports to CloudWatch, as an Embedded Metric Format document
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
/// OldestPendingJobAgeSeconds is what the PocCallback stack's poc-oldest-pending-job-age alarm watches (infra/aws,
/// Monitoring.cs): namespace PocCallback, no dimensions, Maximum over 5 minutes.
/// </summary>
public sealed record SweepMetrics(PollSummary Summary, double OldestPendingJobAgeSeconds, int PendingAfterSweep, double SweepDurationMs, DateTimeOffset Timestamp)
{
    public const string Namespace = "PocCallback";

    /// <summary>The name of each metric and its CloudWatch unit, in the order the document lists them.</summary>
    public static IReadOnlyList<(string Name, string Unit)> Definitions { get; } =
    [
        ("OldestPendingJobAgeSeconds", "Seconds"),
        ("PendingJobs", "Count"),
        ("JobsChecked", "Count"),
        ("JobsCompleted", "Count"),
        ("JobsFailed", "Count"),
        ("JobsMaxAttempts", "Count"),
        ("JobsTimedOut", "Count"),
        ("SweepErrors", "Count"),
        ("SweepDurationMs", "Milliseconds"),
    ];

    public JsonObject ToEmf()
    {
        ArgumentNullException.ThrowIfNull(Summary);
        var document = new JsonObject
        {
            ["_aws"] = new JsonObject
            {
                [nameof(Timestamp)] = Timestamp.ToUnixTimeMilliseconds(),
                ["CloudWatchMetrics"] = new JsonArray(new JsonObject
                {
                    ["Namespace"] = Namespace,
                    // One empty DimensionSet: the metrics are published without dimensions, the identity the alarm reads
                    // (a metric with any dimension would be a different metric to CloudWatch).
                    ["Dimensions"] = new JsonArray(new JsonArray()),
                    ["Metrics"] = new JsonArray([.. Definitions.Select(d => (JsonNode)new JsonObject { ["Name"] = d.Name, ["Unit"] = d.Unit })]),
                }),
            },
            ["function"] = "poc-poller",
        };
        document[nameof(OldestPendingJobAgeSeconds)] = Math.Round(OldestPendingJobAgeSeconds, 3);
        document["PendingJobs"] = PendingAfterSweep;
        document["JobsChecked"] = Summary.Checked;
        document["JobsCompleted"] = Summary.Completed;
        document["JobsFailed"] = Summary.Failed;
        document["JobsMaxAttempts"] = Summary.MaxAttempts;
        document["JobsTimedOut"] = Summary.TimedOut;
        document["SweepErrors"] = Summary.Errors;
        document[nameof(SweepDurationMs)] = Math.Round(SweepDurationMs, 1);
        return document;
    }
}
