using System.CommandLine;
using Poc.Cli.Cli;

namespace Poc.Bench;

/// <summary>
/// The `poc bench` command line. Its options are parsed by <see cref="BenchOptions.Parse"/>, the harness's one parser, so
/// a section or option added there is on the command line at once; errors still exit 2 with the usual hint.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command; <paramref name="endpoint"/> is the root's --endpoint, which bench refuses.</summary>
    public static Command Build(Func<BenchOptions, CancellationToken, Task<int>> handler, Option<string> endpoint)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(endpoint);
        var options = new Argument<string[]>("options")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = BenchOptions.Usage,
        };
        var command = new Command("bench", Messages.BenchDescription) { options };
        command.Validators.Add(r =>
        {
            if (r.GetResult(endpoint) is { Implicit: false })
            {
                r.AddError(Messages.BenchTakesNoEndpoint);
                return;
            }

            try
            {
                BenchOptions.Parse(r.GetValue(options) ?? []);
            }
            catch (ArgumentException e)
            {
                r.AddError(e.Message);
            }
        });
        command.SetAction((r, ct) => handler(BenchOptions.Parse(r.GetValue(options) ?? []), ct));
        return command;
    }
}
