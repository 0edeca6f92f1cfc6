using System.Runtime.InteropServices;

namespace Poc.Cli.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as a cancellation token, and the exit code the shell convention gives each: 128 + the
/// signal number, what a shell reports for a process the signal ended. The first signal lets the command stop cleanly
/// (the embedded LocalCloud ends its Lambda workers); a second one ends poc at once.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource cts = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private int exitCode;

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => cts.Token;

    /// <summary>The exit code of the signal that interrupted poc, or null.</summary>
    public int? ExitCode => Volatile.Read(ref exitCode) is var code and not 0 ? code : null;

    /// <summary>An interruption that listens to SIGINT and SIGTERM (Ctrl+C and Ctrl+Break on Windows).</summary>
    public static Interruption ListenToSignals()
    {
        var interruption = new Interruption();
        interruption.registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = interruption.Interrupt(ExitCodes.Interrupted)));
        interruption.registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => c.Cancel = interruption.Interrupt(ExitCodes.Terminated)));
        return interruption;
    }

    /// <summary>Interrupts with <paramref name="code"/>; false when already interrupted (the caller then lets the signal end the process).</summary>
    public bool Interrupt(int code)
    {
        if (Interlocked.CompareExchange(ref exitCode, code, 0) != 0)
        {
            return false;
        }

        cts.Cancel();
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cts.Dispose();
    }
}
