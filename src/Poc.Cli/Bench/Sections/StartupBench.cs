using System.Diagnostics;
using System.Text.Json.Nodes;
using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;

namespace Poc.Bench.Sections;

/// <summary>Start-up to ready: LocalCloudServer.StartAsync until /_localcloud/health answers 200.</summary>
public static class StartupBench
{
    private const int Runs = 5;

    public static async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        using var http = new HttpClient();
        var samples = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var cloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = LogLevel.Warning }, ct);
            using var response = await http.GetAsync(new Uri(cloud.BaseUrl, "/_localcloud/health"), ct);
            response.EnsureSuccessStatusCode();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        var warm = LatencyStats.From(samples.Skip(1).ToList());
        report.Section("startup", new JsonObject
        {
            ["method"] = "in-process LocalCloudServer.StartAsync(Port = 0) until GET /_localcloud/health answers 200",
            ["firstInProcessMs"] = LatencyStats.Round(samples[0]),
            ["laterRunsMs"] = new JsonArray([.. samples.Skip(1).Select(s => (JsonNode)LatencyStats.Round(s))]),
            ["laterRunsMedianMs"] = LatencyStats.Round(warm.P50),
        });
        report.Row("start-up", "StartAsync → health answers, first in process (JIT cold)", FormattableString.Invariant($"{samples[0]:0} ms"));
        report.Row("start-up", $"StartAsync → health answers, median of {Runs - 1} later runs", FormattableString.Invariant($"{warm.P50:0} ms"));
    }
}
