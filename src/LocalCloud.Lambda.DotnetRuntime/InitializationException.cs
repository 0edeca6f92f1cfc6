namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// The handler cannot be loaded (bad handler string, missing assembly, type or method). Reported through
/// /init/error under the error type AWS's .NET runtime (Amazon.Lambda.RuntimeSupport) uses for these cases.
/// </summary>
public sealed class InitializationException : Exception
{
    public const string ErrorType = "LambdaValidationException";

    public InitializationException()
    {
    }

    public InitializationException(string message)
        : base(message)
    {
    }

    public InitializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
