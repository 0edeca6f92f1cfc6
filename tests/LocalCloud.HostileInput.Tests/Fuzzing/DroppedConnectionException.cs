namespace LocalCloud.HostileInput.Tests.Fuzzing;

/// <summary>The server closed the connection without a complete HTTP response.</summary>
public sealed class DroppedConnectionException : Exception
{
    public DroppedConnectionException()
    {
    }

    public DroppedConnectionException(string message) : base(message)
    {
    }

    public DroppedConnectionException(string message, Exception inner) : base(message, inner)
    {
    }
}
