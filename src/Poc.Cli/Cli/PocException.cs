namespace Poc.Cli.Cli;

/// <summary>An expected failure whose message (from <see cref="Messages"/>) is all the user needs to read.</summary>
public sealed class PocException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PocException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PocException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public PocException() : base("poc failed.")
    {
    }
}
