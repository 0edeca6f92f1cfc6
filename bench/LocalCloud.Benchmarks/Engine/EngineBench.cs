using System.Globalization;
using System.Text.Json.Nodes;
using Poc.Bench.Support;

namespace LocalCloud.Benchmarks.Engine;

/// <summary>
/// The engine-only sections that used to be part of poc bench: they drive StepFunctionsService in this process, with a
/// fake Lambda and no socket, which poc (a client of LocalCloud's public surface) no longer does.
/// </summary>
public static class EngineBench
{
    public static readonly string[] AllSections = ["latency", "throughput", "jsonata"];

    public const string Usage = """
        usage: dotnet run -c Release --project bench/LocalCloud.Benchmarks -- engine [options]
          --latency-executions N    reconnection latency samples, executions parked on a token [1000]
          --throughput-executions N Pass/Choice/Map executions started at once, JSONPath and JSONata alike [2000]
          --section(s) a,b          any of latency,throughput,jsonata [all]
          --output PATH (--out)     JSON results [out/bench/engine.json under the repository]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        int latency = 1000, throughput = 2000;
        var sections = new HashSet<string>(AllSections, StringComparer.Ordinal);
        string? output = null;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                int Positive() => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new ArgumentException($"{args[i - 1]} must be a whole number greater than zero.");
                switch (args[i])
                {
                    case "--latency-executions": latency = Positive(); break;
                    case "--throughput-executions": throughput = Positive(); break;
                    case "--section" or "--sections": sections = ParseSections(Next()); break;
                    case "--out" or "--output": output = Next(); break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n{Usage}");
            return 2;
        }

        var path = Path.GetFullPath(output ?? Path.Combine(RepoRoot(), "out", "bench", "engine.json"));
        var report = new BenchReport();
        var loadBefore = BenchReport.LoadAverage();
        Console.WriteLine($"load average before: {loadBefore} on {Environment.ProcessorCount} cores");
        if (sections.Contains("latency"))
        {
            Console.WriteLine("latency…");
            await EngineLatencyBench.RunAsync(latency, report, CancellationToken.None);
        }

        if (sections.Contains("throughput"))
        {
            Console.WriteLine("throughput…");
            await ThroughputBench.RunAsync(throughput, report, CancellationToken.None);
        }

        if (sections.Contains("jsonata"))
        {
            Console.WriteLine("jsonata…");
            await JsonataThroughputBench.RunAsync(throughput, report, CancellationToken.None);
        }

        var loadAfter = BenchReport.LoadAverage();
        var options = new JsonObject
        {
            ["latencyExecutions"] = latency,
            ["throughputExecutions"] = throughput,
            ["sections"] = new JsonArray([.. AllSections.Where(sections.Contains).Select(s => (JsonNode)s)]),
        };
        await report.WriteAsync(path, options, loadBefore, loadAfter, CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine(report.Table());
        Console.WriteLine();
        Console.WriteLine($"load average after: {loadAfter}; results in {path}");
        return 0;
    }

    private static HashSet<string> ParseSections(string value)
    {
        var sections = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = sections.Except(AllSections).ToList();
        return unknown.Count == 0 ? sections : throw new ArgumentException($"unknown section(s) {string.Join(", ", unknown)}");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallbackPoc.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
