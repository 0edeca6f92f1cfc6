using System.CommandLine;

namespace Poc.Cli.Cli;

/// <summary>Parses, runs the command, and turns every outcome into one of <see cref="ExitCodes"/>.</summary>
public static class PocApp
{
    /// <summary>Runs poc with <paramref name="args"/>; usage errors go to <paramref name="error"/>.</summary>
    public static Task<int> RunAsync(
        string[] args, CommandHandlers handlers, Func<string, string?> env, TextWriter output, TextWriter error, CancellationToken ct = default)
        => RunAsync(args, handlers, env, output, error, null, ct);

    /// <summary>Runs poc with <paramref name="args"/>, stopping it when <paramref name="interruption"/> fires.</summary>
    /// <remarks>
    /// With an <paramref name="interruption"/> (Ctrl+C, SIGTERM) the command is cancelled and, once it has stopped, poc
    /// exits with the signal's code (130, 143) whatever the command returned; System.CommandLine's own handling is off,
    /// because it gives up on a command that takes more than 2 s to stop and exits with the workers still running.
    /// </remarks>
    public static async Task<int> RunAsync(
        string[] args, CommandHandlers handlers, Func<string, string?> env, TextWriter output, TextWriter error, Interruption? interruption,
        CancellationToken ct = default)
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

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct, interruption?.Token ?? CancellationToken.None);
        var configuration = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
            Output = output,
            Error = error,
        };
        try
        {
            var code = await parse.InvokeAsync(configuration, cancel.Token);
            return interruption?.ExitCode is { } signalled ? await InterruptedAsync(error, signalled) : code;
        }
        catch (OperationCanceledException) when (interruption?.ExitCode is { } signalled)
        {
            return await InterruptedAsync(error, signalled);
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

    private static async Task<int> InterruptedAsync(TextWriter error, int code)
    {
        await error.WriteLineAsync(Messages.Failed(Messages.Interrupted));
        return code;
    }
}
