using System.Text.RegularExpressions;
using Poc.Cli.Report;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Tests.Report;

public sealed partial class ReportRenderingTests
{
    private readonly ReportFacts facts = new(CannedReport.Build());

    [Fact]
    public void Html_CannedData_HasEverySectionTheMatrixAndTheCostNumbers()
    {
        var html = HtmlReport.Render(facts);

        foreach (var heading in new[] { "Architecture", "Error-scenario matrix", "State machines", "Timeline of one job", "Reconnection latency", "Cost analysis" })
        {
            Assert.Contains($"<h2>{heading}", html, StringComparison.Ordinal);
        }

        Assert.Contains("MaxAttemptsExceeded", html, StringComparison.Ordinal);
        Assert.Contains("$1.30", html, StringComparison.Ordinal);
        Assert.Contains("$25.06", html, StringComparison.Ordinal);
        Assert.Contains("94.8 %", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_SelfContained_NoExternalReference()
    {
        var html = HtmlReport.Render(facts);

        Assert.DoesNotMatch(ExternalReference(), html);
        // Architecture, one callback machine per scenario (3), one baseline (1), timeline, chart.
        Assert.Equal(7, Regex.Count(html, "<svg "));
    }

    [Fact]
    public void Paths_CallbackScenarios_StatesEnteredInOrder()
    {
        var paths = facts.Paths(WorkflowKind.Callback);

        Assert.Equal(["success", "max-attempts", "state-timeout"], paths.Select(p => p.Scenario));
        Assert.Equal(["CreateJobAndWait", "JobSucceeded"], paths[0].Path);
        Assert.Equal(["CreateJobAndWait", "TimeoutState"], paths[2].Path);
    }

    [Fact]
    public void Matrix_MaxAttemptsRow_ShowsErrorRecordAttemptsAndVerdict()
    {
        var row = facts.Matrix[1];

        Assert.Equal(["max-attempts", "FAILED", "MaxAttemptsExceeded", "MAX_ATTEMPTS", "3"], row.Take(5));
        Assert.Equal("yes", row[6]);
    }

    [Fact]
    public void Markdown_CannedData_TablesAndImageLinks()
    {
        var md = MarkdownReport.Render(facts, new Dictionary<string, string> { ["cost"] = "cost.svg" });

        Assert.Contains("| scenario | execution status |", md, StringComparison.Ordinal);
        Assert.Contains("![reduction against job duration](cost.svg)", md, StringComparison.Ordinal);
        Assert.Contains("holds: 94.8 % ≥ 87 %", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Folder_WritesBothReportsAndTheSvgs()
    {
        var folder = Path.Combine(Path.GetTempPath(), "poc-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = await ReportWriter.WriteAsync(CannedReport.Build(), folder, TestContext.Current.CancellationToken);

            Assert.True(File.Exists(files.Html));
            Assert.True(File.Exists(files.Markdown));
            Assert.True(File.Exists(Path.Combine(folder, "cost.svg")));
            Assert.StartsWith("<svg", await File.ReadAllTextAsync(Path.Combine(folder, "architecture.svg"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"(src|href)=|url\((?!#)|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
