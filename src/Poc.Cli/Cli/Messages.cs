using System.Globalization;
using Poc.Cli.Checks;

namespace Poc.Cli.Cli;

/// <summary>Every user-facing text of poc, so wording stays consistent and reviewable in one place.</summary>
public static class Messages
{
    public const string RootDescription = "Prove the AWS Step Functions callback pattern: deploy it, run its scenarios, check them.";
    public const string DeployDescription = "Build the function package and create or update every resource (idempotent).";
    public const string RunDescription = "Start executions of one scenario, follow them live and summarise how they ended.";
    public const string PollDescription = "Invoke poc-poller once and print its summary.";
    public const string TestDescription = "Deploy, then run every scenario 3 times and check each step of the pattern.";
    public const string DemoDescription = "Start an embedded LocalCloud, deploy, and run the happy path and every error path.";
    public const string MonitorDescription = "Show executions, poc-task-tokens, the poller schedule and Lambda activity (once, or live with --watch).";
    public const string WatchOption = "Refresh in place every --interval until Ctrl+C";
    public const string IntervalOption = "Seconds between refreshes with --watch";

    public const string EndpointOption = "Service endpoint URL, or 'aws' for the public AWS endpoints (default: $AWS_ENDPOINT_URL if set)";
    public const string RegionOption = "AWS region (default: $AWS_REGION if set)";
    public const string RoleArnOption = "IAM role for Lambda, Step Functions and Scheduler (only AWS checks it)";
    public const string QueryLanguageOption = "Query language of the workflows to deploy: JSONPath (callback.asl.json) or JSONata (callback.jsonata.asl.json, with variables)";
    public const string ScenarioOption = "Scenario to run";
    public const string JobsOption = "Executions to start per scenario";
    public const string WorkflowOption = "Which state machine: callback (the pattern) or baseline (polling inside the workflow)";
    public const string PollIntervalOption = "Seconds between poller sweeps [default: LocalCloud's scaled minute, 5 when poc triggers the poller, else 60]";
    public const string TriggerPollerOption = "Invoke poc-poller every poll interval from poc [default: on unless the endpoint is LocalCloud]";
    public const string TimeoutOption = "Seconds to wait for the executions of a run [default: 12 poll intervals + 30]";
    public const string RunsOption = "Runs in a row";

    public const string PackageUpToDate = "package is up to date";
    public const string PublishDidNotStart = "could not start 'dotnet publish'; is the .NET SDK on PATH?";
    public const string Interrupted = "interrupted";
    public const string UsageHint = "Run 'poc --help' for usage.";

    public static string Publishing(string reason) => $"publishing the function package ({reason})…";

    public static string PublishFailed(int exitCode, string tail)
        => $"dotnet publish failed with exit code {exitCode}:\n{tail}";

    public static string FunctionsProjectMissing(string path) => $"the functions project is missing: {path}";

    public static string RepoRootNotFound(string from)
        => $"cannot find the repository (a folder holding CallbackPoc.slnx) above {from}; run poc from inside the repository.";

    public static string UnknownAslPlaceholder(string source, IEnumerable<string> unknown, IEnumerable<string> known)
        => $"{source}: no value for placeholder {string.Join(", ", unknown.Select(n => "${" + n + "}"))}; "
           + $"poc deploy substitutes only {string.Join(", ", known.Select(n => "${" + n + "}"))}.";

    public static string AslNotJson(string source, string error) => $"{source}: the definition is not valid JSON after substitution: {error}";

    public static string InvalidEndpoint(string value)
        => $"--endpoint '{value}' is not an http(s) URL (or 'aws').";

    public static string Unreachable(string detail)
        => $"cannot reach the endpoint ({detail}). Start LocalCloud with 'dotnet run --project src/LocalCloud -- --port 4566', or run 'poc demo'.";

    public static string EndpointUnreachable(Uri endpoint, string detail)
        => $"nothing answers at {endpoint} ({detail}). Start LocalCloud with 'dotnet run --project src/LocalCloud -- --port 4566 --schedule-time-scale 0.05', or run 'poc demo'.";

    public static string WaitTimedOut(string what) => $"gave up waiting for {what}.";

    public static string TableKeyMismatch(string table)
        => $"table {table} exists with a different key schema; delete it (its data goes with it) and deploy again.";

    public static string FunctionFailed(string name, string reason) => $"function {name} failed to become ready: {reason}";

    public static string DefinitionMissing(string path) => $"the state machine definition is missing: {path}";

    public static string PollerFailed(string error, string payload) => $"poc-poller failed ({error}): {payload}";

    public static string NotForBaseline(string scenario)
        => $"--scenario {scenario} needs the callback task's TimeoutSeconds; the polling baseline has no such task. Use --workflow callback.";

    public static string NotDeployed(string stateMachine) => $"state machine {stateMachine} is not deployed; run 'poc deploy' first.";

    public const string BenchDescription =
        "Measure LocalCloud and the callback pattern (start-up, deploy, reconnection latency, throughput, scale); writes JSON and prints a table.";

    public const string BenchTakesNoEndpoint = "poc bench starts its own LocalClouds and takes no --endpoint.";

    public const string MicroBenchmarksDidNotStart = "could not start 'dotnet run' for the micro-benchmarks; is the .NET SDK on PATH?";

    public static string MicroBenchmarksMissing(string commandLine)
        => $"the micro-benchmarks are built from the source tree (bench/LocalCloud.Benchmarks), which is not here; in a clone of the repository run: {commandLine}";

    public static string MicroBenchmarksFailed(int exitCode) => $"the micro-benchmarks exited with code {exitCode}.";

    public static string BenchWritten(string path) => $"bench: results in {path}";

    public const string DemoTakesNoEndpoint =
        "poc demo starts its own LocalCloud and takes no --endpoint; to use a running endpoint, run 'poc test --endpoint URL' or 'poc report --endpoint URL'.";

    public const string DemoRunning = "running the happy path and every error path";

    public static string DeployingTo(string where) => $"deploying to {where}";

    public static string Running(int jobs, string scenario, Scenarios.WorkflowKind workflow)
        => $"running {jobs} × {scenario} on the {(workflow == Scenarios.WorkflowKind.Callback ? "callback workflow" : "polling baseline")}";

    public const string JobApiOption = "lambda (default): the functions call the simulated API Lambda. http: they call a simulated REST job API that poc serves (LocalCloud only), with faults in every run: 503s, dropped connections, slow answers.";

    public const string HttpJobApiNeedsLocalCloud = "--job-api http needs LocalCloud: the functions must reach the job API poc serves on 127.0.0.1.";

    public static string JobApiServing(Uri url) => $"job API (HTTP) served at {url}";

    public static string JobApiServed(int requests, int faulted) => $"job API (HTTP): {requests} requests served, {faulted} of them faulted";

    public static string JobApiFaults(string description) => $"job API faults this run: {description}";

    public static string Testing(int runs, int jobs) => $"testing every scenario, {runs} runs of {jobs} execution(s) each";

    public static string RunHeader(int run, int runs) => $"run {run} of {runs}";

    public static string RunIntro(string what, string where, double interval)
        => string.Create(CultureInfo.InvariantCulture, $"{what} against {where}; poll interval {interval:0.##} s");

    public static string TriggeringPoller(double interval, Endpoints.EndpointKind kind)
        => string.Create(CultureInfo.InvariantCulture, $"poc invokes poc-poller itself every {interval:0.##} s: ")
           + (kind switch
           {
               Endpoints.EndpointKind.Aws => "AWS fires the schedule once a minute at most",
               Endpoints.EndpointKind.OtherEmulator => "this emulator's scheduler does not invoke Lambda targets",
               _ => "LocalCloud did not report its schedule time scale",
           });

    public static string PollerResult(string summary) => $"poc-poller {summary}";

    public const string ReportDescription = "Run every scenario, measure callback against polling cost, and write out/report/report.{md,html}.";
    public const string JobsPerMonthOption = "Jobs per month the cost model projects to";
    public const string JobMinutesOption = "Average job duration in minutes";
    public const string PollMinutesOption = "Poll interval in minutes (the poller's schedule and the baseline's Wait)";
    public const string OutOption = "Folder the report is written to";

    public const string FiguresOption = "Also write the measured figures alone (scenarios, latency, cost, with when and how they were measured) to this Markdown file; the docs quote docs/generated/figures.md";
    public const string NoSweepMeasured = "no poller sweep ran while measuring idle usage; is the schedule (or --trigger-poller) running?";

    public static string MustBePositiveNumber(string option, string value) => $"{option} must be a number greater than zero, not '{value}'.";

    public static string NothingMeasured(string workflow) => $"the {workflow} run produced nothing to measure (no jobs, checks or poll cycles).";

    public static string MeasuringBaselineAndIdle(int jobs, int intervals, double interval)
        => string.Create(CultureInfo.InvariantCulture,
            $"measuring cost: {jobs} jobs through the polling baseline, and the poller's idle sweeps alongside (at least {intervals} intervals of {interval:0.##} s)");

    public static string Measured(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"  measured in {elapsed.TotalSeconds:0.0} s");

    public const string IdleNotIdle =
        "the poller had pending jobs while the idle sweeps were measured (poc-task-tokens was written, or the callback workflow ran); "
        + "wait until every earlier execution has ended and its record is closed, then measure again.";

    public static string MeasuringWorkflow(int jobs, Scenarios.WorkflowKind workflow)
        => $"measuring cost: {jobs} jobs through the {(workflow == Scenarios.WorkflowKind.Callback ? "callback workflow" : "polling baseline")}";

    public static string CostNotMeasured(string reason) => $"cost not measured: {reason}";

    public static string ReportWritten(string html, string markdown) => $"report: {html} (and {markdown})";

    public static string FiguresWritten(string path) => $"figures: {path}";

    public static string UsageUnavailable(string where) => $"{where} does not answer /_localcloud/usage; poc report measures cost on LocalCloud only.";

    public static string LocalCloudStarted(Uri url) => $"LocalCloud started at {url} (schedules run 20× faster: rate(1 minute) fires every 3 s)";

    public static string ConsoleAt(Uri url) => $"Watch each execution move through its graph, and send callbacks by hand, in the console: {url}";

    public static string LocalCloudStartedElsewhere(Uri url, int taken)
        => $"port {taken} is taken (another LocalCloud or LocalStack?), so this LocalCloud took a free one: {url} (schedules run 20× faster: rate(1 minute) fires every 3 s)";

    public static string WarmedUp(Runs.WarmUpResult warm)
        => warm.Problems.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"  warmed    {warm.Workers} Lambda workers so no cold start lands in the scenarios ({warm.Elapsed.TotalSeconds:0.0} s)")
            : string.Create(CultureInfo.InvariantCulture, $"  warming   {warm.Workers} Lambda workers failed ({warm.Elapsed.TotalSeconds:0.0} s): {string.Join("; ", warm.Problems)}");

    public const string KeepOpenOption = "after the demo, keep LocalCloud and its console running (to look around, start executions, send callbacks by hand) until Ctrl+C.";

    public static string KeptOpen(Uri console) => $"LocalCloud and its console stay open: {console} (Ctrl+C to stop)";

    public static string DemoFinished(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"done in {elapsed.TotalSeconds:0.0} s");

    public static string AllAsExpected(int count, TimeSpan elapsed)
        => string.Create(CultureInfo.InvariantCulture, $"all {count} execution(s) ended as expected in {elapsed.TotalSeconds:0.0} s");

    public static string NotAsExpected(int wrong, int count) => $"{wrong} of {count} execution(s) did not end as their scenario expects";

    public static string AwsError(string service, string code, string message) => $"{service} said {code}: {message}";

    public static string MustBePositiveInteger(string option, string value) => $"{option} must be a whole number greater than zero, not '{value}'.";

    public static string MustBePositiveSeconds(string option, string value) => $"{option} must be a number of seconds greater than zero, not '{value}'.";

    public static string InternalError(Exception e)
        => $"poc hit an internal error — this is a bug in poc, please report it:\n{e}";

    public static string Failed(string message) => $"poc: {message}";

    public static string CheckName(PatternCheck check) => check switch
    {
        PatternCheck.TokenGenerated => "token generated",
        PatternCheck.TokenUnique => "token unique",
        PatternCheck.TokenPersisted => "token persisted",
        PatternCheck.PollingCycles => "polling cycles",
        PatternCheck.Reconnected => "workflow reconnected",
        PatternCheck.FinalStatus => "final status",
        PatternCheck.RecordStatus => "DynamoDB status",
        _ => check.ToString(),
    };

    public static string Totals(int passed, int failed)
        => string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed");
}
