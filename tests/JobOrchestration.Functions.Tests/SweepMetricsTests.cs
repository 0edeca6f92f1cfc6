using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Poller;
using JobOrchestration.Functions.Tests.Fakes;

namespace JobOrchestration.Functions.Tests;

/// <summary>
/// The sweep's CloudWatch Embedded Metric Format line
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
/// </summary>
public class SweepMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    // The CloudWatch units the specification allows (MetricDefinition.Unit).
    private static readonly HashSet<string> Units =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits",
        "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
        "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
        "Terabits/Second", "Count/Second", "None",
    ];

    private readonly Harness h = new();
    private readonly RecordingMetricsSink sink = new();

    [Fact]
    public void ToEmf_AnySweep_IsAnEmbeddedMetricFormatDocumentEveryMetricOfWhichHasItsValueAtTheRoot()
    {
        var document = new SweepMetrics(new PollSummary(7, 3, 1, 1, 1, 1, 2), 95.25, 4, 1234.5, Now).ToEmf();

        var metadata = document["_aws"]!.AsObject();
        Assert.Equal(Now.ToUnixTimeMilliseconds(), metadata["Timestamp"]!.GetValue<long>());
        var directive = Assert.Single(metadata["CloudWatchMetrics"]!.AsArray())!.AsObject();
        Assert.Equal("PocCallback", directive["Namespace"]!.GetValue<string>());
        Assert.Equal("[[]]", directive["Dimensions"]!.ToJsonString());
        var metrics = directive["Metrics"]!.AsArray().Select(m => (Name: m!["Name"]!.GetValue<string>(), Unit: m["Unit"]!.GetValue<string>())).ToList();
        Assert.Equal(metrics.Count, metrics.Select(m => m.Name).Distinct().Count());
        Assert.All(metrics, m => Assert.Contains(m.Unit, Units));
        Assert.All(metrics, m => Assert.True(document[m.Name] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number, $"{m.Name} has no number at the root"));
        Assert.Contains(("OldestPendingJobAgeSeconds", "Seconds"), metrics);
        Assert.Contains(("SweepDurationMs", "Milliseconds"), metrics);
        Assert.Equal(95.25, document["OldestPendingJobAgeSeconds"]!.GetValue<double>());
        Assert.Equal(3, document["JobsCompleted"]!.GetValue<int>());
        Assert.Equal(1, document["JobsFailed"]!.GetValue<int>());
        Assert.Equal(4, document["PendingJobs"]!.GetValue<int>());
        Assert.Equal(1234.5, document["SweepDurationMs"]!.GetValue<double>());
    }

    [Fact]
    public void ToEmf_AnySweep_MatchesTheNamespaceAndMetricTheStacksAlarmReads()
    {
        // infra/aws: the alarm's metric is PocCallback/OldestPendingJobAgeSeconds with no dimensions (Monitoring.cs).
        var names = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "infra", "ResourceNames.cs"));
        var ns = Regex.Match(names, "MetricsNamespace = \"([^\"]+)\"").Groups[1].Value;
        var metric = Regex.Match(names, "OldestPendingJobAgeMetric = \"([^\"]+)\"").Groups[1].Value;

        var document = new SweepMetrics(new PollSummary(0, 0, 0, 0, 0, 0, 0), 0, 0, 0, Now).ToEmf();

        var directive = document["_aws"]!["CloudWatchMetrics"]![0]!;
        Assert.Equal(ns, directive["Namespace"]!.GetValue<string>());
        Assert.Contains(directive["Metrics"]!.AsArray(), m => m!["Name"]!.GetValue<string>() == metric);
        Assert.Empty(directive["Dimensions"]![0]!.AsArray());
    }

    [Fact]
    public async Task SweepAsync_JobsLeftPending_PublishesTheAgeOfTheOldestOneAfterTheSweep()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete, checksToComplete: 1);
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await h.StartAsync(Harness.Execution(2), Harness.Token(2), JobScenario.Never);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        await h.StartAsync(Harness.Execution(3), Harness.Token(3), JobScenario.Never);
        h.Time.Advance(TimeSpan.FromSeconds(60));
        var poller = new JobPoller(h.Tokens, h.JobApi, h.Callbacks, h.Time, h.Log, metrics: sink);

        await poller.SweepAsync(TestContext.Current.CancellationToken);

        var document = Assert.Single(sink.Documents);
        Assert.Equal(65, document["OldestPendingJobAgeSeconds"]!.GetValue<double>());
        Assert.Equal(2, document["PendingJobs"]!.GetValue<int>());
        Assert.Equal(3, document["JobsChecked"]!.GetValue<int>());
        Assert.Equal(1, document["JobsCompleted"]!.GetValue<int>());
        Assert.Equal(h.Time.GetUtcNow().ToUnixTimeMilliseconds(), document["_aws"]!["Timestamp"]!.GetValue<long>());
    }

    [Fact]
    public async Task SweepAsync_NothingLeftPending_PublishesAnAgeOfZero()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Fail, checksToComplete: 1);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        var poller = new JobPoller(h.Tokens, h.JobApi, h.Callbacks, h.Time, h.Log, metrics: sink);

        await poller.SweepAsync(TestContext.Current.CancellationToken);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await poller.SweepAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, sink.Documents.Count);
        Assert.All(sink.Documents, d => Assert.Equal(0, d["OldestPendingJobAgeSeconds"]!.GetValue<double>()));
        Assert.Equal([1, 0], sink.Documents.Select(d => d["JobsFailed"]!.GetValue<int>()));
    }

    [Fact]
    public void Publish_AnyDocument_WritesItAsOneBareJsonLine()
    {
        using var output = new MemoryStream();
        using var stdout = new StdoutMetricsSink(output);
        var document = new SweepMetrics(new PollSummary(1, 1, 0, 0, 0, 0, 0), 12, 0, 5, Now).ToEmf();

        stdout.Publish(document);

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text[..^1]);
        Assert.StartsWith("{", text, StringComparison.Ordinal);
        Assert.Equal(document.ToJsonString(), JsonNode.Parse(text)!.ToJsonString());
    }
}
