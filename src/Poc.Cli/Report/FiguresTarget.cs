namespace Poc.Cli.Report;

/// <summary>Where `poc report --figures` writes, and the command line the file names as its source.</summary>
public sealed record FiguresTarget(string Path, string Command);
