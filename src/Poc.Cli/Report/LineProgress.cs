namespace Poc.Cli.Report;

/// <summary>Reports each line at once, on the reporting thread (Progress&lt;T&gt; would post them out of order).</summary>
public sealed class LineProgress(Action<string> write) : IProgress<string>
{
    /// <inheritdoc/>
    public void Report(string value) => write(value);
}
