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

    /// <summary>An exception nobody anticipated: a bug in poc, reported as such.</summary>
    public const int InternalError = 70;
}
