namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// The handler type's constructor threw. AWS's .NET runtime reports it as "LambdaException" with the original
/// exception (inside its TargetInvocationException) as the cause
/// (https://docs.aws.amazon.com/lambda/latest/dg/csharp-exceptions.html).
/// </summary>
public sealed class ConstructorException : Exception
{
    public const string ErrorType = "LambdaException";

    public ConstructorException()
    {
    }

    public ConstructorException(string message)
        : base(message)
    {
    }

    public ConstructorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
