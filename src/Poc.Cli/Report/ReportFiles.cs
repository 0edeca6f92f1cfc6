namespace Poc.Cli.Report;

/// <summary>Where a report was written.</summary>
public sealed record ReportFiles(string Html, string Markdown)
{
    /// <summary>Why the report has no cost section, or null when cost was measured.</summary>
    public string? CostNote { get; init; }

    /// <summary>Where the figures file was written, or null.</summary>
    public string? Figures { get; init; }
}
