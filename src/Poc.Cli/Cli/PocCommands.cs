using System.Diagnostics;
using Poc.Cli.Checks;
using Poc.Cli.Cost;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.JobApi;
using Poc.Cli.Rendering;
using Poc.Cli.Report;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;
using Spectre.Console;

namespace Poc.Cli.Cli;

/// <summary>The real command handlers: resolve the endpoint, call the library (Deployer, ScenarioRunner, PatternTest), render.</summary>
public sealed class PocCommands(Func<string, string?> env, IAnsiConsole console, TextWriter error)
{
    /// <summary>LocalCloud's schedule time scale in poc demo: rate(1 minute) fires every 3 s.</summary>
    public const double DemoTimeScale = 0.05;

    /// <summary>The port poc demo prefers, LocalStack's and LocalCloud's default.</summary>
    public const int DemoPort = 4566;

    private bool Interactive => console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;

    /// <summary>The handlers for <see cref="PocApp"/>.</summary>
    public CommandHandlers Handlers() => new(DeployAsync, RunAsync, PollAsync, TestAsync, DemoAsync) { Monitor = MonitorAsync, Report = ReportAsync, Bench = BenchAsync };

    private async Task<int> DeployAsync(EndpointSettings settings, CancellationToken ct)
    {
        using var environment = await PocEnvironment.ResolveAsync(settings, env, ct);
        console.WriteLine(Messages.DeployingTo(environment.Describe()));
        await DeployWithViewAsync(environment, null, ct);
        return ExitCodes.Ok;
    }

    private async Task<int> RunAsync(RunArgs args, CancellationToken ct)
    {
        using var environment = await PocEnvironment.ResolveAsync(args.Endpoint, env, ct);
        var poller = PollerPlan.Resolve(args.Poller, environment.Kind, environment.ScheduleTimeScale);
        var plan = new RunPlan([new RunItem(args.Scenario, args.Jobs)], args.Workflow, poller);
        DescribeRun(environment, poller, Messages.Running(args.Jobs, args.Scenario.Name, args.Workflow));
        return await RunAndSummariseAsync(environment, plan, ct);
    }

    private async Task<int> PollAsync(EndpointSettings settings, CancellationToken ct)
    {
        using var environment = await PocEnvironment.ResolveAsync(settings, env, ct);
        var summary = await PollerInvoker.InvokeAsync(environment.Lambda, ct);
        console.WriteLine(Messages.PollerResult(summary.ToString()));
        return ExitCodes.Ok;
    }

    private async Task<int> TestAsync(TestArgs args, CancellationToken ct)
    {
        if (args.Mocked)
        {
            return await Mocked.MockedTestCommand.RunAsync(args.Runs, console, error, ct);
        }

        using var resolved = await PocEnvironment.ResolveAsync(args.Endpoint, env, ct);
        await using var jobApi = args.HttpJobApi ? await HttpJobApiHost.StartAsync(resolved, ct) : null;
        using var withJobApi = jobApi is null ? null : resolved.WithJobApi(jobApi.BaseUrl);
        var environment = withJobApi ?? resolved;
        if (jobApi is not null)
        {
            console.WriteLine(Messages.JobApiServing(jobApi.BaseUrl));
        }

        var poller = PollerPlan.Resolve(args.Poller, environment.Kind, environment.ScheduleTimeScale);
        DescribeRun(environment, poller, Messages.Testing(args.Runs, args.Jobs));
        var deployView = new DeployView(console);
        var live = new LiveRunView(console, Interactive);
        var result = await PatternTest.RunAsync(
            environment,
            new PatternTestOptions(args.Runs, args.Jobs, poller) { AfterFunctions = WarmUpStep(environment) },
            deployView,
            (run, plan) =>
            {
                console.WriteLine(Messages.RunHeader(run, args.Runs));
                if (jobApi is not null)
                {
                    console.WriteLine(Messages.JobApiFaults(HttpJobApiHost.InjectFaults(jobApi, run)));
                }

                return live.ShowAsync(p => ScenarioRunner.RunAsync(environment, plan, p, ct));
            },
            ct);
        console.Write(TestTable.Build(result));
        if (jobApi is not null)
        {
            console.WriteLine(Messages.JobApiServed(jobApi.Faults.Requests, jobApi.Faults.Faulted));
        }

        console.WriteLine(Messages.Totals(result.PassedChecks, result.FailedChecks));
        return result.Passed ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private Task<int> MonitorAsync(Monitor.MonitorArgs args, CancellationToken ct)
        => Monitor.MonitorCommand.RunAsync(args, env, console, Interactive, ct);

    private async Task<int> DemoAsync(DemoArgs args, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int code;
        var cloud = await StartLocalCloudAsync(ct);
        try
        {
            using var local = PocEnvironment.ForLocalCloud(cloud.BaseUrl, DemoTimeScale, flavour: args.Flavour);
            await using var jobApi = args.HttpJobApi ? await HttpJobApiHost.StartAsync(local, ct) : null;
            using var withJobApi = jobApi is null ? null : local.WithJobApi(jobApi.BaseUrl);
            if (jobApi is not null)
            {
                console.WriteLine(Messages.JobApiServing(jobApi.BaseUrl));
            }

            code = await RunAndReportAsync(withJobApi ?? local, "demo", CostInputs.Defaults, ReportWriter.DefaultFolder, null, cloud.SweepsFinishedSinceAsync, ct);
            if (args.KeepOpen)
            {
                // Ctrl+C ends the wait; poc then exits 130 as for any interrupted command, after the finally below.
                console.WriteLine(Messages.DemoFinished(clock.Elapsed));
                console.WriteLine(Messages.KeptOpen(cloud.ConsoleUrl));
                await Task.Delay(Timeout.Infinite, ct);
            }
        }
        finally
        {
            await cloud.DisposeAsync();
        }

        console.WriteLine(Messages.DemoFinished(clock.Elapsed));
        return code;
    }

    private async Task<int> BenchAsync(Bench.BenchOptions options, CancellationToken ct)
    {
        if (options.Micro)
        {
            var code = await Bench.MicroBenchmarks.RunAsync(ct);
            return code == 0 ? ExitCodes.Ok : throw new PocException(Messages.MicroBenchmarksFailed(code));
        }

        await Bench.BenchRunner.RunAsync(options, console.WriteLine, TimeProvider.System, ct);
        return ExitCodes.Ok;
    }

    private async Task<int> ReportAsync(ReportArgs args, CancellationToken ct)
    {
        if (args.Endpoint is null)
        {
            await using var cloud = await StartLocalCloudAsync(ct);
            using var embedded = PocEnvironment.ForLocalCloud(cloud.BaseUrl, DemoTimeScale);
            return await RunAndReportAsync(embedded, "report", args.Inputs, args.Folder, Figures(args), cloud.SweepsFinishedSinceAsync, ct);
        }

        using var environment = await PocEnvironment.ResolveAsync(args.Endpoint, env, ct);
        return await RunAndReportAsync(environment, "report", args.Inputs, args.Folder, Figures(args), null, ct);
    }

    // The figures file names the command that made it, as the user could type it again.
    private static FiguresTarget? Figures(ReportArgs args)
    {
        if (args.Figures is not { } path)
        {
            return null;
        }

        List<string> words = ["poc", "report"];
        if (args.Endpoint is { } endpoint)
        {
            words.AddRange(["--endpoint", endpoint.Endpoint]);
        }

        if (args.Inputs != CostInputs.Defaults)
        {
            words.AddRange(["--jobs-per-month", Num(args.Inputs.JobsPerMonth), "--job-minutes", Num(args.Inputs.AverageJobDuration.TotalMinutes),
                "--poll-minutes", Num(args.Inputs.PollInterval.TotalMinutes)]);
        }

        words.AddRange(["--figures", path]);
        return new FiguresTarget(path, string.Join(' ', words));
    }

    private static string Num(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Deploy, warm the functions, run every scenario once, then measure cost both ways and write the report.
    private async Task<int> RunAndReportAsync(
        PocEnvironment environment, string label, CostInputs inputs, string folder, FiguresTarget? figures, Func<DateTimeOffset, CancellationToken, Task<bool>>? sweepsFinished, CancellationToken ct)
    {
        await DeployWithViewAsync(environment, WarmUpStep(environment), ct);

        var poller = PollerPlan.Resolve(new PollerArgs(null, null, null), environment.Kind, environment.ScheduleTimeScale);
        var plan = new RunPlan([.. ScenarioCatalog.All.Select(s => new RunItem(s, 1))], WorkflowKind.Callback, poller) { Label = label };
        DescribeRun(environment, poller, Messages.DemoRunning);
        RunResult? run = null;
        var code = await RunAndSummariseAsync(environment, plan, ct, r => run = r);
        var files = await ReportRunner.MeasureAndWriteAsync(environment, poller, run!, inputs, folder, figures, sweepsFinished, new LineProgress(console.WriteLine), ct);
        console.WriteLine(Messages.ReportWritten(files.Html, files.Markdown));
        if (files.Figures is { } figuresFile)
        {
            console.WriteLine(Messages.FiguresWritten(figuresFile));
        }
        if (files.CostNote is { } note)
        {
            // The report is written, but without its cost section the command did not do what it says.
            await error.WriteLineAsync(Messages.Failed(note));
            return ExitCodes.Failed;
        }

        return code;
    }

    // On LocalCloud the functions' workers are started before the scenarios, so cold starts stay out of them. On AWS
    // and LocalStack there is no control over workers, and warming would be billed; nothing is done there.
    private Func<CancellationToken, Task>? WarmUpStep(PocEnvironment environment)
        => environment.Kind == EndpointKind.LocalCloud
            ? async ct => console.WriteLine(Messages.WarmedUp(await FunctionWarmUp.RunAsync(environment.Lambda, ct)))
            : null;

    private async Task<EmbeddedLocalCloud> StartLocalCloudAsync(CancellationToken ct)
    {
        var cloud = await EmbeddedLocalCloud.StartAsync(DemoPort, DemoTimeScale, ct);
        console.WriteLine(cloud.TakenPort is { } taken ? Messages.LocalCloudStartedElsewhere(cloud.BaseUrl, taken) : Messages.LocalCloudStarted(cloud.BaseUrl));
        console.WriteLine(Messages.ConsoleAt(cloud.ConsoleUrl));
        return cloud;
    }

    private async Task DeployWithViewAsync(PocEnvironment environment, Func<CancellationToken, Task>? afterFunctions, CancellationToken ct)
    {
        var view = new DeployView(console);
        view.Total(await Deployer.DeployAsync(environment, view, afterFunctions, ct));
    }

    private void DescribeRun(PocEnvironment environment, PollerPlan poller, string what)
    {
        console.WriteLine(Messages.RunIntro(what, environment.Describe(), poller.IntervalSeconds));
        if (poller.TriggerPoller)
        {
            console.WriteLine(Messages.TriggeringPoller(poller.IntervalSeconds, environment.Kind));
        }
    }

    private async Task<int> RunAndSummariseAsync(PocEnvironment environment, RunPlan plan, CancellationToken ct, Action<RunResult>? onResult = null)
    {
        var result = await new LiveRunView(console, Interactive).ShowAsync(p => ScenarioRunner.RunAsync(environment, plan, p, ct));
        onResult?.Invoke(result);
        console.Write(RunTables.Summary(result));
        var wrong = result.Executions.Count(e => !e.EndedAsExpected);
        if (wrong == 0)
        {
            console.WriteLine(Messages.AllAsExpected(result.Executions.Count, result.Elapsed));
            return ExitCodes.Ok;
        }

        foreach (var line in RunTables.Unexpected(result))
        {
            console.WriteLine(line);
        }

        await error.WriteLineAsync(Messages.Failed(Messages.NotAsExpected(wrong, result.Executions.Count)));
        return ExitCodes.Failed;
    }
}
