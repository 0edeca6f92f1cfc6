namespace Poc.Cli.Cli;

/// <summary>Every exit code poc returns, in one place.</summary>
public static class ExitCodes
{
    /// <summary>Everything went as expected.</summary>
    public const int Ok = 0;

    /// <summary>An expected failure: a scenario ended wrongly, the endpoint is unreachable, AWS said no.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>Ctrl+C (SIGINT): 128 + 2, what a shell reports for a process SIGINT ended; the command stopped cleanly first.</summary>
    public const int Interrupted = 130;

    /// <summary>SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;

    /// <summary>An exception nobody anticipated: a bug in poc, reported as such.</summary>
    public const int InternalError = 70;
}
