using Poc.Cli.Deploy;
using System.Globalization;
using System.Text;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Report;

/// <summary>The report as Markdown; its diagrams are the SVG files written beside it.</summary>
public static class MarkdownReport
{
    /// <summary>Renders the Markdown; <paramref name="images"/> maps a diagram's name to its file name.</summary>
    public static string Render(ReportFacts facts, IReadOnlyDictionary<string, string> images)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(images);
        var data = facts.Data;
        var md = new StringBuilder();
        string Image(string key, string alt) => images.TryGetValue(key, out var file) ? $"![{alt}]({file})\n\n" : "";
        md.Append("# Callback pattern PoC report\n\n")
          .Append(CultureInfo.InvariantCulture, $"Generated {data.GeneratedAt:yyyy-MM-dd HH:mm} UTC on {data.Where}; workflows written in {data.Flavour.Name()}; poller sweep every {data.PollIntervalSeconds:0.##} s. ")
          .Append(CultureInfo.InvariantCulture, $"{facts.AsExpected} of {data.Scenarios.Count} scenario executions ended as expected. The HTML version (report.html) draws every diagram inline.\n\n")
          .Append("## Architecture\n\n").Append(Image("architecture", "architecture"))
          .Append("## Error-scenario matrix\n\n");
        Table(md, ReportFacts.MatrixHeadings, facts.Matrix);

        md.Append("## State machines and the path each scenario took\n\n");
        foreach (var workflow in new[] { WorkflowKind.Callback, WorkflowKind.Baseline })
        {
            foreach (var (scenario, path) in facts.Paths(workflow))
            {
                md.Append(CultureInfo.InvariantCulture, $"- {workflow.ToString().ToLowerInvariant()} / {scenario}: {string.Join(" → ", path)}\n");
            }
        }

        md.Append('\n').Append(Image("callback", "poc-callback-workflow")).Append(Image("baseline", "poc-polling-baseline"));
        md.Append("## Timeline of one job\n\n").Append(Image("timeline", "timeline"));
        if (facts.Timeline is { } timeline)
        {
            Table(md, ["seconds", "event"], [.. timeline.Marks.Select(m => (IReadOnlyList<string>)
                [m.Seconds.ToString("0.00", CultureInfo.InvariantCulture), m.Label + (m.Reconstructed ? " (placed by the schedule's rhythm)" : "")])]);
        }

        md.Append("## Reconnection latency\n\n");
        AppendLatency(md, facts);

        md.Append("## Cost analysis\n\n");
        if (data.Cost is not { } cost)
        {
            md.Append(data.CostNote ?? "Cost was not measured.").Append("\n\n");
            return md.ToString();
        }

        AppendCost(md, facts, cost, Image("cost", "reduction against job duration"));
        return md.ToString();
    }

    /// <summary>The reconnection latency percentiles as one table row (nothing when no execution resumed).</summary>
    internal static void AppendLatency(StringBuilder md, ReportFacts facts)
    {
        if (facts.Latency is { } l)
        {
            Table(md, ["executions", "p50", "p95", "p99", "max"],
                [[l.Count.ToString(CultureInfo.InvariantCulture), ReportFacts.Ms(l.P50), ReportFacts.Ms(l.P95), ReportFacts.Ms(l.P99), ReportFacts.Ms(l.Max)]]);
        }
    }

    /// <summary>The cost findings, the measured units and the reduction table: the report's cost section and the figures file.</summary>
    internal static void AppendCost(StringBuilder md, ReportFacts facts, Cost.CostAnalysis cost, string chart)
    {
        Table(md, ["finding", "value"], [.. facts.CostFacts.Select(f => (IReadOnlyList<string>)[f.Label, f.Value])]);
        md.Append(chart);
        Table(md, ["measured units", "transitions", "Lambda requests", "Lambda GB-s", "read units", "write units", "scheduler invocations"],
            [.. facts.Coefficients.Select(c => (IReadOnlyList<string>)
            [
                c.What, ReportFacts.Units(c.Units.Transitions), ReportFacts.Units(c.Units.LambdaRequests), ReportFacts.Units(c.Units.LambdaGbSeconds),
                ReportFacts.Units(c.Units.ReadRequestUnits), ReportFacts.Units(c.Units.WriteRequestUnits), ReportFacts.Units(c.Units.SchedulerInvocations),
            ])]);
        Table(md, ["poll interval", .. cost.Series[0].Points.Select(p => CostChartSvg.Duration(p.Duration))],
            [.. cost.Series.Select(s => (IReadOnlyList<string>)[CostChartSvg.Duration(s.PollInterval), .. s.Points.Select(p => ReportFacts.Pct(p.ReductionPercent))])]);
    }

    internal static void Table(StringBuilder md, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.Append("| ").AppendJoin(" | ", headings.Select(Cell)).Append(" |\n|").AppendJoin("|", headings.Select(_ => " --- ")).Append("|\n");
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        md.Append('\n');
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
