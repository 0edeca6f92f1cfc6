using Aws.Pricing;
using Poc.Cli.Cli;
using Poc.Cli.Cost;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Report;

/// <summary>After the scenarios ran: measures cost both ways and writes the report. A failed measurement leaves a note, not a failure.</summary>
public static class ReportRunner
{
    /// <summary>Measures, analyses and writes; returns where the report is.</summary>
    /// <param name="env">Where.</param>
    /// <param name="poller">The sweep interval, and whether poc triggers the sweeps.</param>
    /// <param name="scenarios">The scenario run the report shows.</param>
    /// <param name="inputs">The workload the cost is projected to.</param>
    /// <param name="folder">Where the report goes, under the repository root.</param>
    /// <param name="figures">Where the figures file goes and the command that made it, or null.</param>
    /// <param name="sweepsFinished">An in-process LocalCloud's <see cref="EmbeddedLocalCloud.SweepsFinishedSinceAsync"/>, or null.</param>
    /// <param name="progress">One line per phase.</param>
    /// <param name="ct">Cancels.</param>
    public static async Task<ReportFiles> MeasureAndWriteAsync(
        PocEnvironment env, PollerPlan poller, RunResult scenarios, CostInputs inputs, string folder, FiguresTarget? figures, Func<DateTimeOffset, CancellationToken, Task<bool>>? sweepsFinished,
        IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(poller);
        ArgumentNullException.ThrowIfNull(scenarios);
        MeasuredUsage? measured = null;
        CostAnalysis? cost = null;
        string? note = null;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var usage = new UsageClient(http, env.Endpoint ?? throw new PocException(Messages.UsageUnavailable(env.Describe())));
            measured = await CostMeasurement.RunAsync(env, poller, usage, CostMeasurement.DefaultJobs, sweepsFinished, progress, ct);
            cost = CostAnalysis.Run(new CostModel(CoefficientDerivation.Derive(measured), PriceTable.UsEast1), inputs);
        }
        catch (Exception e) when (e is not OperationCanceledException && ExpectedFailure.Describe(e) is { } message)
        {
            // The scenarios' part of the report is still worth writing; the cost section says why it is missing.
            note = Messages.CostNotMeasured(message);
        }

        var definitions = Path.Combine(env.RepoRoot, "infra", "statemachines");
        var data = new ReportData(
            env.Time.GetUtcNow(),
            env.Describe(),
            poller.IntervalSeconds,
            scenarios.Executions,
            measured?.Baseline.Executions ?? [],
            await File.ReadAllTextAsync(Path.Combine(definitions, env.Flavour.DefinitionFile(WorkflowKind.Callback)), ct),
            await File.ReadAllTextAsync(Path.Combine(definitions, env.Flavour.DefinitionFile(WorkflowKind.Baseline)), ct))
        {
            Flavour = env.Flavour,
            Measured = measured,
            Cost = cost,
            CostNote = note,
        };
        var written = await ReportWriter.WriteAsync(data, Path.Combine(env.RepoRoot, folder), ct) with { CostNote = note };
        if (figures is not null)
        {
            var path = Path.Combine(env.RepoRoot, figures.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, FiguresFile.Render(new ReportFacts(data), figures.Command, FiguresFile.LoadAverage()), ct);
            written = written with { Figures = path };
        }

        return written;
    }
}
