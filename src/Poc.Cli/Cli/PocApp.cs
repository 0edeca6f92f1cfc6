using System.CommandLine;

namespace Poc.Cli.Cli;

/// <summary>Parses, runs the command, and turns every outcome into one of <see cref="ExitCodes"/>.</summary>
public static class PocApp
{
    /// <summary>Runs poc with <paramref name="args"/>; usage errors go to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(
        string[] args, CommandHandlers handlers, Func<string, string?> env, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parse = PocCommandLine.Build(handlers, env).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync(Messages.Failed(e.Message));
            }

            await error.WriteLineAsync(Messages.UsageHint);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error }, ct);
        }
        catch (Exception e) when (ExpectedFailure.Describe(e) is { } message)
        {
            await error.WriteLineAsync(Messages.Failed(message));
            return ExitCodes.Failed;
        }
#pragma warning disable CA1031 // The last line of defence: any other exception is a bug, reported as one with its own exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync(Messages.InternalError(e));
            return ExitCodes.InternalError;
        }
    }
}
