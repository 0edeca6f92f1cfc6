using Poc.Cli.Deploy;
using System.Globalization;
using System.Net;
using System.Text;
using Asl.Diagrams;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Report;

/// <summary>The report as one self-contained HTML page: inline CSS, inline SVG, nothing fetched.</summary>
public static class HtmlReport
{
    /// <summary>Renders the page.</summary>
    public static string Render(ReportFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var data = facts.Data;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Callback pattern PoC report</title><style>").Append(ReportStyle.Css).Append("</style></head><body><main>")
            .Append("<h1>Callback pattern PoC report</h1>")
            .Append(P("meta", string.Create(CultureInfo.InvariantCulture,
                $"Generated {data.GeneratedAt:yyyy-MM-dd HH:mm} UTC on {data.Where}; workflows written in {data.Flavour.Name()}; poller sweep every {data.PollIntervalSeconds:0.##} s. "
                + $"{facts.AsExpected} of {data.Scenarios.Count} scenario executions ended as expected.")));

        Headline(html, facts);
        html.Append("<h2>Architecture</h2>").Append(Figure(ArchitectureSvg.Render(), "The callback pattern: numbered in the order one job goes through it."));

        html.Append("<h2>Error-scenario matrix</h2>");
        Table(html, ReportFacts.MatrixHeadings, facts.Matrix, cellClass: (col, value) => col == 6 ? (value == "yes" ? "yes" : "no") : col is 4 or 5 ? "num" : null);

        html.Append("<h2>State machines and the path each scenario took</h2>");
        Machines(html, facts, WorkflowKind.Callback, "poc-callback-workflow", "grid");
        Machines(html, facts, WorkflowKind.Baseline, "poc-polling-baseline", "grid wide");

        html.Append("<h2>Timeline of one job</h2>");
        if (facts.Timeline is { } timeline)
        {
            html.Append(Figure(TimelineSvg.Render(timeline), $"{timeline.ExecutionName}: polls leave no history event, so they are placed one sweep apart ending at the callback."));
        }
        else
        {
            html.Append(P("note", "No execution resumed from a callback, so there is no timeline to draw."));
        }

        html.Append("<h2>Reconnection latency</h2>")
            .Append(P(null, "From the callback task's TaskSucceeded/TaskFailed/TaskTimedOut event to the next state entered, over every observed callback execution."));
        if (facts.Latency is { } l)
        {
            Table(html, ["executions", "p50", "p95", "p99", "max"],
                [[l.Count.ToString(CultureInfo.InvariantCulture), ReportFacts.Ms(l.P50), ReportFacts.Ms(l.P95), ReportFacts.Ms(l.P99), ReportFacts.Ms(l.Max)]],
                (_, _) => "num");
        }

        Cost(html, facts);
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Headline(StringBuilder html, ReportFacts facts)
    {
        html.Append("<div class=\"headline\">")
            .Append(Card($"{facts.AsExpected}/{facts.Data.Scenarios.Count}", "scenarios as expected"));
        if (facts.Latency is { } l)
        {
            html.Append(Card(ReportFacts.Ms(l.P95), "reconnection p95"));
        }

        if (facts.Data.Cost is { } cost)
        {
            html.Append(Card(ReportFacts.Pct(cost.AtInputs.ReductionPercent), "cost reduction at the chosen workload"))
                .Append(Card(ReportFacts.Usd(cost.AtInputs.Callback.ListUsd), "callback per month"))
                .Append(Card(ReportFacts.Usd(cost.AtInputs.Baseline.ListUsd), "polling baseline per month"));
        }

        html.Append("</div>");
    }

    private static void Machines(StringBuilder html, ReportFacts facts, WorkflowKind workflow, string name, string gridClass)
    {
        var graph = workflow == WorkflowKind.Callback ? facts.CallbackGraph : facts.BaselineGraph;
        html.Append("<h3>").Append(Encode(name)).Append("</h3>");
        var paths = facts.Paths(workflow);
        if (paths.Count == 0)
        {
            html.Append(Figure(StateMachineSvg.Render(graph, [], name), "not run"));
            return;
        }

        html.Append("<div class=\"").Append(gridClass).Append("\">");
        foreach (var (scenario, path) in paths)
        {
            html.Append(Figure(StateMachineSvg.Render(graph, path, $"{name}: {scenario}"), scenario));
        }

        html.Append("</div>");
    }

    private static void Cost(StringBuilder html, ReportFacts facts)
    {
        html.Append("<h2>Cost analysis</h2>");
        if (facts.Data.Cost is not { } cost)
        {
            html.Append(P("note", facts.Data.CostNote ?? "Cost was not measured."));
            return;
        }

        Table(html, ["finding", "value"], [.. facts.CostFacts.Select(f => (IReadOnlyList<string>)[f.Label, f.Value])]);
        html.Append(Figure(CostChartSvg.Render(cost), "Reduction at list prices against job duration, for several poll intervals, at the chosen jobs per month. Below the dashed line the baseline is cheaper."));

        html.Append("<h3>Measured units</h3>")
            .Append(P(null, "Every coefficient is a measured total divided by what caused it (jobs, checks, sweeps, poll cycles); see docs/cost-analysis.md."));
        Table(html, ["", "transitions", "Lambda requests", "Lambda GB-s", "read units", "write units", "scheduler invocations"],
            [.. facts.Coefficients.Select(c => (IReadOnlyList<string>)
            [
                c.What, ReportFacts.Units(c.Units.Transitions), ReportFacts.Units(c.Units.LambdaRequests), ReportFacts.Units(c.Units.LambdaGbSeconds),
                ReportFacts.Units(c.Units.ReadRequestUnits), ReportFacts.Units(c.Units.WriteRequestUnits), ReportFacts.Units(c.Units.SchedulerInvocations),
            ])],
            (col, _) => col == 0 ? null : "num");

        html.Append("<h3>Monthly cost by unit (list prices)</h3>");
        var at = cost.AtInputs;
        Table(html, ["unit", "callback", "baseline"],
            [.. at.Callback.ByService.Zip(at.Baseline.ByService, (c, b) => (IReadOnlyList<string>)[c.Unit, ReportFacts.Usd(c.Usd), ReportFacts.Usd(b.Usd)]),
             ["total", ReportFacts.Usd(at.Callback.ListUsd), ReportFacts.Usd(at.Baseline.ListUsd)],
             ["total after free tiers", ReportFacts.Usd(at.Callback.FreeTierUsd), ReportFacts.Usd(at.Baseline.FreeTierUsd)]],
            (col, _) => col == 0 ? null : "num");

        html.Append("<h3>Reduction against job duration</h3>");
        var durations = cost.Series[0].Points.Select(p => p.Duration).ToList();
        Table(html, ["poll interval", .. durations.Select(CostChartSvg.Duration)],
            [.. cost.Series.Select(s => (IReadOnlyList<string>)[CostChartSvg.Duration(s.PollInterval), .. s.Points.Select(p => ReportFacts.Pct(p.ReductionPercent))])],
            (col, _) => col == 0 ? null : "num");
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows, Func<int, string, string?>? cellClass = null)
    {
        html.Append("<table><thead><tr>");
        foreach (var h in headings)
        {
            html.Append("<th>").Append(Encode(h)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var css = cellClass?.Invoke(i, row[i]);
                html.Append(css is null ? "<td>" : $"<td class=\"{css}\">").Append(Encode(row[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Figure(string svg, string caption) => $"<div class=\"figure\">{svg}<div class=\"caption\">{Encode(caption)}</div></div>";

    private static string Card(string value, string label) => $"<div class=\"card\"><b>{Encode(value)}</b><span>{Encode(label)}</span></div>";

    private static string P(string? css, string text) => css is null ? $"<p>{Encode(text)}</p>" : $"<p class=\"{css}\">{Encode(text)}</p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
