namespace JobOrchestration.Functions.SimulatedApi;

// The class name is the Lambda errorType (docs/data-model.md: "UnknownJob"/"UnknownAction"), hence no Exception suffix.
#pragma warning disable CA1710
public sealed class UnknownJob : Exception
#pragma warning restore CA1710
{
    public UnknownJob()
    {
    }

    public UnknownJob(string message)
        : base(message)
    {
    }

    public UnknownJob(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
