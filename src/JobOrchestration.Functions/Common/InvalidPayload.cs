namespace JobOrchestration.Functions.Common;

// The class name is the Lambda errorType the caller sees (the .NET runtime reports the exception's type name),
// so it is named after the error, not with an Exception suffix.
#pragma warning disable CA1710
public sealed class InvalidPayload : Exception
#pragma warning restore CA1710
{
    public InvalidPayload()
    {
    }

    public InvalidPayload(string message)
        : base(message)
    {
    }

    public InvalidPayload(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
