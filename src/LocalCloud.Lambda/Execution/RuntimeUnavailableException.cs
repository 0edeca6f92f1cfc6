namespace LocalCloud.Lambda.Execution;

/// <summary>The interpreter a function's runtime needs is missing or too old; the message says what to install.</summary>
internal sealed class RuntimeUnavailableException : Exception
{
    public RuntimeUnavailableException()
    {
    }

    public RuntimeUnavailableException(string message)
        : base(message)
    {
    }

    public RuntimeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
