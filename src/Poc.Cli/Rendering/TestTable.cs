using Poc.Cli.Checks;
using Poc.Cli.Cli;
using Poc.Cli.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Poc.Cli.Rendering;

/// <summary>poc test's table: one row per scenario and check, one column per run.</summary>
public static class TestTable
{
    /// <summary>The scenario × check × run table.</summary>
    public static Table Build(PatternTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().RoundedBorder().AddColumns("scenario", "check");
        for (var run = 1; run <= result.Runs.Count; run++)
        {
            table.AddColumn($"run {run}");
        }

        foreach (var scenario in ScenarioCatalog.All)
        {
            foreach (var check in Enum.GetValues<PatternCheck>())
            {
                var row = new List<IRenderable> { new Text(scenario.Name), new Text(Messages.CheckName(check)) };
                for (var run = 1; run <= result.Runs.Count; run++)
                {
                    row.Add(Cell(result.Cell(scenario, check, run)));
                }

                table.AddRow(row);
            }
        }

        return table;
    }

    private static Text Cell(CheckResult? r) => r switch
    {
        null => new Text("-"),
        { Passed: true } => new Text("✓ " + r.Detail, Color.Green),
        _ => new Text("✗ " + r.Detail, Color.Red),
    };
}
