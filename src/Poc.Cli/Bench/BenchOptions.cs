using System.Globalization;
using System.Text.Json.Nodes;

namespace Poc.Bench;

/// <summary>What to measure and how much; every count has a small default so a quick run takes a minute or two.</summary>
public sealed record BenchOptions
{
    public static readonly string[] AllSections = ["startup", "deploy", "http-latency", "lambda", "scale", "sweep", "test-state", "activities", "schedule-start", "wire"];

    /// <summary>The engine-only sections, which drive LocalCloud's internals and so live in bench/LocalCloud.Benchmarks.</summary>
    public const string EngineCommand = "dotnet run -c Release --project bench/LocalCloud.Benchmarks -- engine";

    private static readonly string[] MovedSections = ["latency", "throughput"];

    /// <summary>Concurrent poc-callback-workflow executions in the scale section.</summary>
    public int Executions { get; init; } = 200;

    /// <summary>Executions parked on a token in the HTTP latency section (each needs a real Lambda invoke to park).</summary>
    public int HttpLatencyExecutions { get; init; } = 200;

    /// <summary>LocalCloud's schedule time scale in the scale section: 0.05 fires rate(1 minute) every 3 s.</summary>
    public double ScheduleTimeScale { get; init; } = 0.05;

    /// <summary>Give up on the scale section after this long.</summary>
    public TimeSpan ScaleTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Scale: once every execution is parked, invoke poc-poller from the bench and time each sweep (use with a large schedule time scale so the schedule stays quiet).</summary>
    public bool DirectSweeps { get; init; }

    /// <summary>PENDING records one poc-poller sweep goes over in the sweep section.</summary>
    public int SweepRecords { get; init; } = 10_000;

    /// <summary>Sequential TestState calls timed in the test-state section.</summary>
    public int TestStateCalls { get; init; } = 2000;

    /// <summary>Sweep and scale: deploy poc-poller with POLLER_BATCH_WRITES=true (claims and closes in one transaction per batch).</summary>
    public bool PollerBatchWrites { get; init; }

    /// <summary>Scale: environment variables added to the three poc functions after deploy (a runtime setting under test, say).</summary>
    public IReadOnlyDictionary<string, string> FunctionVariables { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Start-up: LocalCloud host assemblies to time as their own processes, in turn (a ReadyToRun publish beside a plain
    /// one, say); empty = the LocalCloud.dll beside poc.
    /// </summary>
    public IReadOnlyList<string> StartupHosts { get; init; } = [];

    /// <summary>Wire: also measure the mix against a LocalCloud already running here (a previous build, say), as a ratio.</summary>
    public Uri? WireEndpoint { get; init; }

    public IReadOnlySet<string> Sections { get; init; } = new HashSet<string>(AllSections, StringComparer.Ordinal);

    public string? Output { get; init; }

    /// <summary>Run the BenchmarkDotNet micro-benchmarks (bench/LocalCloud.Benchmarks) instead of the sections.</summary>
    public bool Micro { get; init; }

    public const string Usage = """
        usage: poc bench [options]        (dotnet run -c Release --project src/Poc.Cli -- bench [options])
          --executions N            scale: concurrent poc-callback-workflow executions [200]
          --http-latency-executions N  reconnection latency samples over HTTP [200]
          --schedule-time-scale X   scale: LocalCloud schedule time scale [0.05]
          --scale-timeout-seconds S scale: give up after S seconds [900]
          --direct-sweeps           scale: after parking, invoke poc-poller directly and time each sweep
          --sweep-records N         sweep: PENDING records in the one timed poller sweep [10000]
          --test-state-calls N      test-state: sequential TestState calls timed [2000]
          --poller-batch-writes     sweep, scale: poc-poller with POLLER_BATCH_WRITES=true (one transaction per batch)
          --function-env NAME=VALUE scale: add this variable to the poc functions' environment (repeatable)
          --startup-host PATH       start-up: time this LocalCloud.dll as its own process (repeatable) [the one beside poc]
          --wire-endpoint URL       wire: also measure a LocalCloud already running at URL (e.g. a previous build)
          --section(s) a,b,...      any of startup,deploy,http-latency,lambda,scale,sweep,test-state,activities,schedule-start,wire [all]
          --output PATH (--out)     JSON results [out/bench/results.json under the repository]
          --micro                   run the BenchmarkDotNet micro-benchmarks instead (needs the source tree)
        engine-only latency and throughput: dotnet run -c Release --project bench/LocalCloud.Benchmarks -- engine
        """;

    public static BenchOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Positive() => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} must be a whole number greater than zero.");
            double PositiveDouble() => double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0
                ? d
                : throw new ArgumentException($"{args[i - 1]} must be a number greater than zero.");
            options = args[i] switch
            {
                "--executions" => options with { Executions = Positive() },
                "--http-latency-executions" => options with { HttpLatencyExecutions = Positive() },
                "--schedule-time-scale" => options with { ScheduleTimeScale = PositiveDouble() },
                "--scale-timeout-seconds" => options with { ScaleTimeout = TimeSpan.FromSeconds(PositiveDouble()) },
                "--direct-sweeps" => options with { DirectSweeps = true },
                "--sweep-records" => options with { SweepRecords = Positive() },
                "--test-state-calls" => options with { TestStateCalls = Positive() },
                "--poller-batch-writes" => options with { PollerBatchWrites = true },
                "--function-env" => options with
                {
                    FunctionVariables = Next().Split('=', 2) is [{ Length: > 0 } name, var value]
                        ? new Dictionary<string, string>(options.FunctionVariables, StringComparer.Ordinal) { [name] = value }
                        : throw new ArgumentException("--function-env takes NAME=VALUE."),
                },
                "--startup-host" => options with
                {
                    // A host that is not there is reported by the section (its "problem" figure), like the one beside poc.
                    StartupHosts = [.. options.StartupHosts, Path.GetFullPath(Next())],
                },
                "--wire-endpoint" => options with
                {
                    WireEndpoint = Uri.TryCreate(Next(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                        ? url
                        : throw new ArgumentException("--wire-endpoint must be an http(s) URL."),
                },
                "--latency-executions" or "--throughput-executions" => throw new ArgumentException(Moved(args[i])),
                "--sections" or "--section" => options with { Sections = ParseSections(Next()) },
                "--out" or "--output" => options with { Output = Next() },
                "--micro" => options with { Micro = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static HashSet<string> ParseSections(string value)
    {
        var sections = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (sections.Intersect(MovedSections).FirstOrDefault() is { } moved)
        {
            throw new ArgumentException(Moved(moved));
        }

        var unknown = sections.Except(AllSections).ToList();
        return unknown.Count == 0 ? sections : throw new ArgumentException($"unknown section(s) {string.Join(", ", unknown)}");
    }

    public bool Runs(string section) => Sections.Contains(section);

    private static string Moved(string what) => $"{what} drives the engine in-process and moved out of poc: {EngineCommand}";

    public JsonObject ToJson() => new()
    {
        ["executions"] = Executions,
        ["httpLatencyExecutions"] = HttpLatencyExecutions,
        ["scheduleTimeScale"] = ScheduleTimeScale,
        ["directSweeps"] = DirectSweeps,
        ["sweepRecords"] = SweepRecords,
        ["testStateCalls"] = TestStateCalls,
        ["wireEndpoint"] = WireEndpoint?.ToString(),
        ["functionVariables"] = new JsonObject([.. FunctionVariables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))]),
        ["startupHosts"] = new JsonArray([.. StartupHosts.Select(h => (JsonNode)h)]),
        ["pollerBatchWrites"] = PollerBatchWrites,
        ["sections"] = new JsonArray([.. AllSections.Where(Runs).Select(s => (JsonNode)s)]),
    };
}
