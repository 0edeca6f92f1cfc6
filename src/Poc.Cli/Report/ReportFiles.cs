namespace Poc.Cli.Report;

/// <summary>Where a report was written.</summary>
public sealed record ReportFiles(string Html, string Markdown);
