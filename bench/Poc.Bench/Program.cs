using Poc.Bench;
using Poc.Bench.Sections;
using Poc.Bench.Support;
using Poc.Cli.Endpoints;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"poc-bench: {e.Message}{Environment.NewLine}{BenchOptions.Usage}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
var report = new BenchReport();
var loadBefore = BenchReport.LoadAverage();
Console.WriteLine($"load average before: {loadBefore} on {Environment.ProcessorCount} cores");

async Task Run(string section, Func<Task> body)
{
    if (!options.Runs(section))
    {
        return;
    }

    Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {section}…");
    await body();
}

await Run("startup", () => StartupBench.RunAsync(report, ct));
await Run("deploy", () => DeployBench.RunAsync(report, ct));
await Run("latency", () => EngineLatencyBench.RunAsync(options.LatencyExecutions, report, ct));
await Run("http-latency", () => HttpLatencyBench.RunAsync(options.HttpLatencyExecutions, report, ct));
await Run("throughput", () => ThroughputBench.RunAsync(options.ThroughputExecutions, report, ct));
await Run("scale", () => ScaleBench.RunAsync(options, report, ct));
await Run("sweep", () => SweepBench.RunAsync(options, report, ct));

var loadAfter = BenchReport.LoadAverage();
var output = options.Output ?? Path.Combine(RepoRoot.Find(), "out", "bench", "results.json");
await report.WriteAsync(output, options, loadBefore, loadAfter, ct);
Console.WriteLine();
Console.WriteLine(report.Table());
Console.WriteLine();
Console.WriteLine($"load average after: {loadAfter}; results in {output}");
return 0;
