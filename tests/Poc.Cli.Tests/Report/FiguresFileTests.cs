using Poc.Cli.Report;

namespace Poc.Cli.Tests.Report;

/// <summary>The figures file the docs quote: every measured figure, and where, when and how it was measured.</summary>
public sealed class FiguresFileTests
{
    private readonly ReportFacts facts = new(CannedReport.Build());

    [Fact]
    public void Render_CannedData_NamesItsCommandDateEndpointAndLoad()
    {
        var md = FiguresFile.Render(facts, "poc report --figures docs/generated/figures.md", "1.00 / 2.00 / 3.00");

        Assert.Contains("`poc report --figures docs/generated/figures.md` wrote this file", md, StringComparison.Ordinal);
        Assert.Contains($"{facts.Data.GeneratedAt:yyyy-MM-dd HH:mm} UTC against {facts.Data.Where}", md, StringComparison.Ordinal);
        Assert.Contains("load average 1.00 / 2.00 / 3.00", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CannedData_CarriesTheScenarioLatencyAndCostFiguresOfTheReport()
    {
        var md = FiguresFile.Render(facts, "poc report --figures f.md", "unknown");
        var report = MarkdownReport.Render(facts, new Dictionary<string, string>());

        Assert.Contains($"{facts.AsExpected} of {facts.Data.Scenarios.Count} scenario executions ended as expected", md, StringComparison.Ordinal);
        foreach (var (label, value) in facts.CostFacts)
        {
            Assert.Contains($"| {label} | {value} |", md, StringComparison.Ordinal);
        }

        // The cost section is the report's own, so the two can never disagree.
        var cost = report[report.IndexOf("## Cost analysis", StringComparison.Ordinal)..];
        Assert.EndsWith(cost["## Cost analysis".Length..], md, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAverage_OnLinux_ReadsThreeNumbers()
    {
        var load = FiguresFile.LoadAverage();

        Assert.Equal(OperatingSystem.IsLinux() ? 3 : 1, load.Split(" / ").Length);
    }
}
