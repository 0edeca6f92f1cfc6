using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aws.Clients.Lambda;
using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;
using Poc.Cli.Endpoints;

namespace Poc.Bench.Sections;

/// <summary>
/// Lambda cold start and warm overhead per runtime (issue #16's targets): a no-op echo function in .NET, Node.js and
/// Python, each created afresh <see cref="ColdStarts"/> times (every first invoke starts a worker process) and then invoked
/// <see cref="WarmInvokes"/> times on its warm worker. Figures come from AWS's own REPORT line (Tail log): "Init Duration"
/// is worker spawned → first /next, "Duration" is event handed to the runtime → response posted, which for a handler that
/// does nothing is the Runtime API round trip. The client's Invoke round trip is reported beside them.
/// </summary>
public static partial class LambdaBench
{
    private const int ColdStarts = 5;
    private const int WarmInvokes = 200;
    private const string Role = "arn:aws:iam::000000000000:role/bench";

    public static async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "localcloud-lambda-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            var runtimes = new (string Label, string Runtime, string Handler, byte[] Zip)[]
            {
                ("dotnet8", "dotnet8", "Echo::Echo.Function::Handle", await DotnetEchoAsync(scratch, ct)),
                ("nodejs20.x", "nodejs20.x", "index.handler", ZipOf("index.js", "exports.handler = async (event) => event;\n")),
                ("python3.12", "python3.12", "lambda_function.lambda_handler", ZipOf("lambda_function.py", "def lambda_handler(event, context):\n    return event\n")),
            };
            await using var cloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = LogLevel.Warning }, ct);
            using var env = PocEnvironment.ForLocalCloud(cloud.BaseUrl, 1.0, RepoRoot.Find());
            var figures = new JsonObject
            {
                ["method"] = $"per runtime: {ColdStarts} fresh functions each invoked once (cold), then {WarmInvokes} invokes of one warm worker; "
                    + "initMs and durationMs from the REPORT line of the Tail log, clientMs = Invoke round trip through the Lambda API over HTTP",
            };
            foreach (var (label, runtime, handler, zip) in runtimes)
            {
                figures[label] = await MeasureAsync(env.Lambda, label, runtime, handler, zip, report, ct);
            }
            report.Section("lambda", figures);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<JsonObject> MeasureAsync(LambdaClient lambda, string label, string runtime, string handler, byte[] zip, BenchReport report, CancellationToken ct)
    {
        var coldInit = new List<double>();
        var coldTotal = new List<double>();
        var coldClient = new List<double>();
        string? name = null;
        for (var i = 0; i < ColdStarts; i++)
        {
            name = $"bench-{label.Replace('.', '-')}-{i}-{Guid.NewGuid():N}"[..40];
            await lambda.CreateFunctionAsync(new CreateFunctionRequest { FunctionName = name, Role = Role, Runtime = runtime, Handler = handler, Code = new Aws.Clients.Lambda.FunctionCode { ZipFile = zip } }, ct);
            await WaitActiveAsync(lambda, name, ct);
            var (report1, clientMs) = await InvokeAsync(lambda, name, ct);
            coldInit.Add(report1.InitMs ?? throw new InvalidOperationException($"{label}: the first invoke of {name} reported no Init Duration."));
            coldTotal.Add(report1.InitMs.Value + report1.DurationMs);
            coldClient.Add(clientMs);
        }

        var warmDuration = new List<double>();
        var warmClient = new List<double>();
        for (var i = 0; i < WarmInvokes; i++)
        {
            var (line, clientMs) = await InvokeAsync(lambda, name!, ct);
            if (line.InitMs is not null)
            {
                throw new InvalidOperationException($"{label}: warm invoke {i} started a new worker.");
            }
            warmDuration.Add(line.DurationMs);
            warmClient.Add(clientMs);
        }

        var init = LatencyStats.From(coldInit);
        var total = LatencyStats.From(coldTotal);
        var client = LatencyStats.From(coldClient);
        var overhead = LatencyStats.From(warmDuration);
        var warm = LatencyStats.From(warmClient);
        var coldTarget = label.StartsWith("dotnet", StringComparison.Ordinal) ? 300 : 150;
        report.Row("lambda", $"{label} cold start: spawn → first response (Init + Duration), median of {ColdStarts}", FormattableString.Invariant($"{total.P50:0} ms (init {init.P50:0} ms; client round trip {client.P50:0} ms)"), $"< {coldTarget} ms");
        report.Row("lambda", $"{label} warm overhead: REPORT Duration of a no-op handler, p50 / p99 of {WarmInvokes}", FormattableString.Invariant($"{overhead.P50:0.00} / {overhead.P99:0.00} ms (client round trip p50 {warm.P50:0.00} ms)"), "< 1 ms at p50");
        return new JsonObject
        {
            ["coldInitMs"] = init.ToJson(),
            ["coldInitPlusDurationMs"] = total.ToJson(),
            ["coldClientMs"] = client.ToJson(),
            ["warmDurationMs"] = overhead.ToJson(),
            ["warmClientMs"] = warm.ToJson(),
        };
    }

    private static async Task<(ReportLine Report, double ClientMs)> InvokeAsync(LambdaClient lambda, string name, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var response = await lambda.InvokeAsync(new InvokeRequest { FunctionName = name, Payload = """{"n":1}"""u8.ToArray(), LogType = "Tail" }, ct);
        var clientMs = watch.Elapsed.TotalMilliseconds;
        if (response.FunctionError is not null)
        {
            throw new InvalidOperationException($"{name} failed: {Encoding.UTF8.GetString(response.Payload)}");
        }
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.LogResult ?? string.Empty));
        var match = ReportPattern().Match(log);
        if (!match.Success)
        {
            throw new InvalidOperationException($"{name}: no REPORT line in the log:\n{log}");
        }
        double? initMs = match.Groups["init"].Success ? double.Parse(match.Groups["init"].Value, CultureInfo.InvariantCulture) : null;
        return (new ReportLine(double.Parse(match.Groups["duration"].Value, CultureInfo.InvariantCulture), initMs), clientMs);
    }

    private static async Task WaitActiveAsync(LambdaClient lambda, string name, CancellationToken ct)
    {
        // As `aws lambda wait function-active-v2` does: poll until the function leaves Pending.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var state = (await lambda.GetFunctionAsync(new GetFunctionRequest { FunctionName = name }, ct)).Configuration?.State;
            if (state == "Active")
            {
                return;
            }
            if (state == "Failed")
            {
                throw new InvalidOperationException($"{name} failed to become Active.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
        }
        throw new TimeoutException($"{name} did not become Active.");
    }

    /// <summary>Publishes a one-method class library (Stream in, Stream out: no Amazon.Lambda.* needed) and zips it.</summary>
    private static async Task<byte[]> DotnetEchoAsync(string scratch, CancellationToken ct)
    {
        var project = Path.Combine(scratch, "Echo");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "Echo.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <OutputType>Library</OutputType>
              </PropertyGroup>
            </Project>
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(project, "Function.cs"), """
            namespace Echo;

            public class Function
            {
                public System.IO.Stream Handle(System.IO.Stream input) => input;
            }
            """, ct);
        var output = Path.Combine(scratch, "publish");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = project,
        };
        foreach (var arg in new[] { "publish", "-c", "Release", "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing the .NET echo function failed:\n{await stdout}\n{await stderr}");
        }
        using var zip = new MemoryStream();
        ZipFile.CreateFromDirectory(output, zip);
        return zip.ToArray();
    }

    private static byte[] ZipOf(string file, string text)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(file).Open());
            writer.Write(text);
        }
        return buffer.ToArray();
    }

    [GeneratedRegex(@"REPORT RequestId: \S+\tDuration: (?<duration>[0-9.]+) ms(?:[^\n]*?Init Duration: (?<init>[0-9.]+) ms)?", RegexOptions.CultureInvariant)]
    private static partial Regex ReportPattern();

    private sealed record ReportLine(double DurationMs, double? InitMs);
}
