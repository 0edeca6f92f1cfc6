namespace Poc.Cli.Deploy;

/// <summary>The names and settings docs/data-model.md fixes for every resource poc deploys.</summary>
public static class PocResources
{
    public const string TokensTable = "poc-task-tokens";
    public const string JobsTable = "poc-jobs";
    public const string StatusIndex = "status-index";

    public const string SimulatedApiFunction = "poc-simulated-api";
    public const string CreateJobFunction = "poc-create-job";
    public const string PollerFunction = "poc-poller";

    public const string CallbackStateMachine = "poc-callback-workflow";
    public const string BaselineStateMachine = "poc-polling-baseline";

    public const string PollerSchedule = "poc-poller-schedule";
    public const string ScheduleGroup = "default";
    public const string ScheduleExpression = "rate(1 minute)";

    public const string Runtime = "dotnet8";
    public const int TimeoutSeconds = 30;
    public const int MemoryMb = 256;

    /// <summary>Each function and its handler.</summary>
    public static IReadOnlyList<(string Name, string Handler)> Functions { get; } =
    [
        (SimulatedApiFunction, Handler("SimulatedApiFunction")),
        (CreateJobFunction, Handler("CreateJobFunction")),
        (PollerFunction, Handler("PollerFunction")),
    ];

    /// <summary>The environment every function gets: the contract's names, spelled out so a reader of the console sees them.</summary>
    public static IReadOnlyDictionary<string, string> FunctionEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["JOBS_TABLE"] = JobsTable,
        ["TOKENS_TABLE"] = TokensTable,
        ["TOKENS_STATUS_INDEX"] = StatusIndex,
        ["SIMULATED_API_FUNCTION"] = SimulatedApiFunction,
    };

    /// <summary>
    /// The .NET runtime's profile-guided re-JIT (tiered PGO) off, for the functions whose environments live for a few
    /// hundred short invocations (create-job, simulated-api): the instrumented tier and its second JIT never paid back
    /// there. At 1,000 jobs it cut those two workers' CPU to 0.62× and the run to 0.80× (docs/performance.md, "Second
    /// round" and "Third round"); the long-lived poller gained nothing, so it keeps the default.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ShortLivedRuntimeSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_TieredPGO"] = "0",
    };

    /// <summary>
    /// The environment of <paramref name="function"/> for a deployment. With schedules sped up (LocalCloud's time scale),
    /// the poller's 10 s claim lease would outlast several sweeps and a pending job would be skipped by them, so it shrinks
    /// with the scale (1 s at least). With a REST job API, JOB_API_URL sends create-job and the poller there instead of to
    /// the simulated API Lambda.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FunctionEnvironmentFor(string function, double? scheduleTimeScale, Uri? jobApiUrl = null)
    {
        var environment = new Dictionary<string, string>(FunctionEnvironment, StringComparer.Ordinal);
        if (function is CreateJobFunction or SimulatedApiFunction)
        {
            foreach (var (key, value) in ShortLivedRuntimeSettings)
            {
                environment[key] = value;
            }
        }

        if (scheduleTimeScale is { } scale && scale < 1)
        {
            var lease = Math.Max(1, (int)Math.Round(10 * scale));
            environment["POLLER_LEASE_SECONDS"] = lease.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (jobApiUrl is not null)
        {
            environment["JOB_API_URL"] = jobApiUrl.ToString();
        }

        return environment;
    }

    private static string Handler(string type) => $"JobOrchestration.Functions::JobOrchestration.Functions.{type}::HandleAsync";
}
