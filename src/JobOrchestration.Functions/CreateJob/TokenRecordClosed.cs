namespace JobOrchestration.Functions.CreateJob;

// Named after the Lambda errorType (no Exception suffix on purpose). Thrown when a retried task brings a new token for
// an execution whose record is already terminal: nobody would ever answer the new token, so failing now beats a hang.
#pragma warning disable CA1710
public sealed class TokenRecordClosed : Exception
#pragma warning restore CA1710
{
    public TokenRecordClosed()
    {
    }

    public TokenRecordClosed(string message)
        : base(message)
    {
    }

    public TokenRecordClosed(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
