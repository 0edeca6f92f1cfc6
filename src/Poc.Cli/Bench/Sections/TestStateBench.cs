using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;

namespace Poc.Bench.Sections;

/// <summary>
/// TestState latency as a client sees it (issue #13's target: p99 under 5 ms on a quiet machine): one HTTP round trip
/// each, sequential, against a LocalCloud in this process. The call is the callback workflow's task with a mocked
/// JobFailed, at DEBUG — parse the definition, validate the mock, run the Catch, build inspectionData — which is what a
/// unit test of the workflow's error routing sends.
/// </summary>
public static class TestStateBench
{
    private const int WarmUp = 200;

    private static readonly string Request = new JsonObject
    {
        ["definition"] = """
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
             "Parameters":{"FunctionName":"poc-create-job","Payload":{"taskToken.$":"$$.Task.Token","input.$":"$"}},
             "TimeoutSecondsPath":"$.taskTimeoutSeconds","ResultPath":"$.job",
             "Catch":[{"ErrorEquals":["States.Timeout","PollingTimeout"],"ResultPath":"$.error","Next":"TimeoutState"},
                      {"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.error","Next":"FailedState"}],"Next":"JobSucceeded"}
            """,
        ["input"] = """{"jobName":"bench","scenario":"fail","taskTimeoutSeconds":60}""",
        ["inspectionLevel"] = "DEBUG",
        ["mock"] = new JsonObject { ["errorOutput"] = new JsonObject { ["error"] = "JobFailed", ["cause"] = "the job API said FAILED" } },
    }.ToJsonString();

    public static async Task RunAsync(int calls, BenchReport report, CancellationToken ct)
    {
        await using var cloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = LogLevel.Warning }, ct);
        using var http = new HttpClient { BaseAddress = cloud.BaseUrl };
        for (var i = 0; i < WarmUp; i++)
        {
            await CallAsync(http, ct);
        }

        var samples = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            await CallAsync(http, ct);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        var stats = LatencyStats.From(samples);
        report.Section("testState", new JsonObject
        {
            ["method"] = "sequential HTTP round trips to an in-process LocalCloud; a mocked waitForTaskToken Task caught at DEBUG; after " + WarmUp + " warm-up calls",
            ["calls"] = calls,
            ["roundTrip"] = stats.ToJson(),
            ["targetP99Ms"] = 5,
            ["targetMet"] = stats.P99 < 5,
        });
        report.Row("TestState", "mocked Task, Catch routed, DEBUG: HTTP round trip", stats.ToString(), "p99 < 5 ms");
    }

    private static async Task CallAsync(HttpClient http, CancellationToken ct)
    {
        using var content = new StringContent(Request, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions.TestState");
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        // A failing call would be measured as fast; the bench must not report an error as latency.
        if (!response.IsSuccessStatusCode || !body.Contains("CAUGHT_ERROR", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"TestState answered {(int)response.StatusCode}: {body}");
        }
    }
}
