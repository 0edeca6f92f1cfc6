using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;

namespace Poc.Bench.Sections;

/// <summary>
/// Start-up to ready: LocalCloudServer.StartAsync until /_localcloud/health answers 200; and the LocalCloud host as its
/// own process (dotnet LocalCloud.dll, beside poc's own files), from process start to health answering, with its resident
/// memory once idle.
/// </summary>
public static class StartupBench
{
    private const int Runs = 5;

    public static async Task RunAsync(IReadOnlyList<string> hosts, BenchReport report, CancellationToken ct)
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
        JsonNode process = hosts.Count == 0
            ? await ProcessRunsAsync(Path.Combine(AppContext.BaseDirectory, "LocalCloud.dll"), report, http, ct)
            : new JsonArray([.. await SequentialAsync(hosts, h => ProcessRunsAsync(h, report, http, ct))]);
        report.Section("startup", new JsonObject
        {
            ["method"] = "in-process LocalCloudServer.StartAsync(Port = 0) until GET /_localcloud/health answers 200",
            ["firstInProcessMs"] = LatencyStats.Round(samples[0]),
            ["laterRunsMs"] = new JsonArray([.. samples.Skip(1).Select(s => (JsonNode)LatencyStats.Round(s))]),
            ["laterRunsMedianMs"] = LatencyStats.Round(warm.P50),
            ["process"] = process,
        });
        report.Row("start-up", "StartAsync → health answers, first in process (JIT cold)", FormattableString.Invariant($"{samples[0]:0} ms"));
        report.Row("start-up", $"StartAsync → health answers, median of {Runs - 1} later runs", FormattableString.Invariant($"{warm.P50:0} ms"));
    }

    private const int ProcessRuns = 5;

    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(2);

    private static async Task<List<JsonNode>> SequentialAsync(IReadOnlyList<string> hosts, Func<string, Task<JsonObject>> run)
    {
        var results = new List<JsonNode>();
        foreach (var host in hosts)
        {
            results.Add(await run(host));
        }

        return results;
    }

    private static async Task<JsonObject> ProcessRunsAsync(string host, BenchReport report, HttpClient http, CancellationToken ct)
    {
        if (!File.Exists(host) || !File.Exists(Path.ChangeExtension(host, ".runtimeconfig.json")))
        {
            return new JsonObject { ["problem"] = $"{host} (with its runtimeconfig) is not beside poc: not measured" };
        }

        var ready = new List<double>();
        var idle = new List<double>();
        for (var i = 0; i < ProcessRuns; i++)
        {
            var (readyMs, idleMiB) = await OneProcessAsync(host, http, ct);
            ready.Add(readyMs);
            idle.Add(idleMiB);
        }

        var readyStats = LatencyStats.From(ready);
        var figures = new JsonObject
        {
            ["method"] = FormattableString.Invariant(
                $"dotnet LocalCloud.dll --port N: process start until GET /_localcloud/health answers 200 (polled every 2 ms), then VmRSS after {IdleWait.TotalSeconds:0} s idle; {ProcessRuns} runs"),
            ["readyMs"] = new JsonArray([.. ready.Select(r => (JsonNode)LatencyStats.Round(r))]),
            ["readyMedianMs"] = LatencyStats.Round(readyStats.P50),
            ["idleRssMiB"] = new JsonArray([.. idle.Select(m => (JsonNode)Math.Round(m, 1))]),
            ["host"] = host,
            ["loadAverage"] = BenchReport.LoadAverage(),
        };
        var which = Path.GetFileName(Path.GetDirectoryName(host));
        report.Row("start-up", $"process start → health answers, median of {ProcessRuns} ({which})", FormattableString.Invariant($"{readyStats.P50:0} ms (load {BenchReport.LoadAverage()})"), "< 150 ms");
        report.Row("start-up", $"idle resident memory of that process ({which})", FormattableString.Invariant($"{idle.Order().ElementAt(idle.Count / 2):0.0} MiB"), "< 80 MiB");
        return figures;
    }

    private static async Task<(double ReadyMs, double IdleMiB)> OneProcessAsync(string host, HttpClient http, CancellationToken ct)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { host, "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var health = new Uri($"http://127.0.0.1:{port}/_localcloud/health");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet LocalCloud.dll did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new InvalidOperationException($"LocalCloud on port {port} did not answer its health check (exited: {process.HasExited})");
                }

                try
                {
                    using var response = await http.GetAsync(health, ct);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(2, ct);
            }

            var readyMs = watch.Elapsed.TotalMilliseconds;
            await Task.Delay(IdleWait, ct);
            return (readyMs, MemorySampler.RssMiB(process.Id));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
