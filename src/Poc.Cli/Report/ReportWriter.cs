using Asl.Diagrams;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Report;

/// <summary>Writes report.html, report.md and the SVGs the Markdown shows into one folder.</summary>
public static class ReportWriter
{
    /// <summary>The default folder, relative to the repository root.</summary>
    public const string DefaultFolder = "out/report";

    /// <summary>Writes every file and returns the two reports' paths.</summary>
    public static async Task<ReportFiles> WriteAsync(ReportData data, string folder, CancellationToken ct)
    {
        var facts = new ReportFacts(data);
        Directory.CreateDirectory(folder);
        var svgs = new Dictionary<string, string>(StringComparer.Ordinal) { ["architecture"] = ArchitectureSvg.Render() };
        void Machine(string key, AslGraph graph, WorkflowKind workflow, string name)
            => svgs[key] = StateMachineSvg.Render(graph, facts.Paths(workflow) is { Count: > 0 } paths ? paths[0].Path : [], name);
        Machine("callback", facts.CallbackGraph, WorkflowKind.Callback, "poc-callback-workflow");
        Machine("baseline", facts.BaselineGraph, WorkflowKind.Baseline, "poc-polling-baseline");
        if (facts.Timeline is { } timeline)
        {
            svgs["timeline"] = TimelineSvg.Render(timeline);
        }

        if (data.Cost is { } cost)
        {
            svgs["cost"] = CostChartSvg.Render(cost);
        }

        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, svg) in svgs)
        {
            // Standalone SVG files need the stylesheet the HTML page gives them inline.
            var file = $"{key}.svg";
            await File.WriteAllTextAsync(Path.Combine(folder, file), svg.Replace("</defs>", $"</defs><style>{ReportStyle.Css}</style>", StringComparison.Ordinal), ct);
            images[key] = file;
        }

        var html = Path.Combine(folder, "report.html");
        var markdown = Path.Combine(folder, "report.md");
        await File.WriteAllTextAsync(html, HtmlReport.Render(facts), ct);
        await File.WriteAllTextAsync(markdown, MarkdownReport.Render(facts, images), ct);
        return new ReportFiles(html, markdown);
    }
}
