namespace JobOrchestration.Functions.Jobs;

// Named after the Lambda errorType the workflow sees when the job API call fails (no Exception suffix on purpose).
#pragma warning disable CA1710
public sealed class JobApiFailed : Exception
#pragma warning restore CA1710
{
    public JobApiFailed()
    {
    }

    public JobApiFailed(string message)
        : base(message)
    {
    }

    public JobApiFailed(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
