namespace Jsonata.Tests;

/// <summary>Writes every failing case with its reason to a file named by JSONATA_SUITE_REPORT (a triage aid, off by default).</summary>
public sealed class SuiteReport
{
    [Fact]
    public void WritesFailuresWhenAsked()
    {
        var target = Environment.GetEnvironmentVariable("JSONATA_SUITE_REPORT");
        var root = Conformance.SuiteRoot();
        if (string.IsNullOrEmpty(target) || root is null)
        {
            Assert.Skip("set JSONATA_SUITE_REPORT to a file path to write the failure report (needs ../shared/data/jsonata-test-suite)");
        }

        var lines = new List<string>();
        var cases = Conformance.LoadCases(root);
        foreach (var c in cases)
        {
            if (Conformance.Run(root, c) is { } failure)
            {
                lines.Add($"{c.Name}\t{c.Expression.ReplaceLineEndings(" ")}\t{failure.ReplaceLineEndings(" ")}");
            }
        }

        File.WriteAllLines(target, lines, new System.Text.UTF8Encoding(false, false));
        Assert.True(lines.Count < cases.Count, "every case failed");
    }
}
