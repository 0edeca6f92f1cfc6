using System.Globalization;
using Poc.Bench.Sections;
using Poc.Bench.Support;
using Poc.Cli.Endpoints;

namespace Poc.Bench;

/// <summary>poc bench: runs the chosen sections, writes every figure as JSON and prints the headline figures as a table.</summary>
public static class BenchRunner
{
    /// <summary>Where the JSON goes by default, under the repository root.</summary>
    public static readonly string DefaultOutput = Path.Combine("out", "bench", "results.json");

    /// <summary>Runs <paramref name="options"/>' sections in order; returns the path of the JSON written.</summary>
    public static async Task<string> RunAsync(BenchOptions options, Action<string> write, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(time);
        var output = Path.GetFullPath(options.Output ?? Path.Combine(RepoRoot.Find(), DefaultOutput));
        var report = new BenchReport();
        var loadBefore = BenchReport.LoadAverage();
        write($"load average before: {loadBefore} on {Environment.ProcessorCount} cores");

        async Task Run(string section, Func<Task> body)
        {
            if (!options.Runs(section))
            {
                return;
            }

            write($"[{time.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {section}…");
            await body();
        }

        await Run("startup", () => StartupBench.RunAsync(options.StartupHosts, report, ct));
        await Run("deploy", () => DeployBench.RunAsync(report, ct));
        await Run("http-latency", () => HttpLatencyBench.RunAsync(options.HttpLatencyExecutions, report, ct));
        await Run("lambda", () => LambdaBench.RunAsync(report, ct));
        await Run("scale", () => ScaleBench.RunAsync(options, report, ct));
        await Run("sweep", () => SweepBench.RunAsync(options, report, ct));
        await Run("test-state", () => TestStateBench.RunAsync(options.TestStateCalls, report, ct));
        await Run("activities", () => ActivityBench.RunAsync(report, ct));
        await Run("schedule-start", () => ScheduleStartBench.RunAsync(report, ct));
        await Run("wire", () => WireBench.RunAsync(options.WireEndpoint, report, ct));

        var loadAfter = BenchReport.LoadAverage();
        await report.WriteAsync(output, options.ToJson(), loadBefore, loadAfter, ct);
        write("");
        write(report.Table());
        write("");
        write($"load average after: {loadAfter}; results in {output}");
        return output;
    }
}
