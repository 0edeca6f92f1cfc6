using System.Globalization;
using Poc.Cli.Deploy;
using Spectre.Console;

namespace Poc.Cli.Rendering;

/// <summary>Prints each deployed resource as it is done, then the total.</summary>
public sealed class DeployView(IAnsiConsole console) : IProgress<DeployedResource>
{
    /// <summary>One line per resource: what happened, kind, name, detail, time.</summary>
    public void Report(DeployedResource value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (word, color) = value.Change switch
        {
            ResourceChange.Created => ("created", "green"),
            ResourceChange.Updated => ("updated", "yellow"),
            _ => ("unchanged", "grey"),
        };
        var detail = value.Detail is null ? "" : $"  {Markup.Escape(value.Detail)}";
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"  [{color}]{word,-9}[/] {value.Kind,-13} {Markup.Escape(value.Name),-24}{detail} [grey]({value.Elapsed.TotalSeconds:0.0} s)[/]"));
    }

    /// <summary>The closing line.</summary>
    public void Total(DeployResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"deployed {result.Resources.Count} resources in {result.Elapsed.TotalSeconds:0.0} s"));
    }
}
