namespace JobOrchestration.Functions.SimulatedApi;

// The class name is the Lambda errorType (docs/data-model.md: "UnknownJob"/"UnknownAction"), hence no Exception suffix.
#pragma warning disable CA1710
public sealed class UnknownAction : Exception
#pragma warning restore CA1710
{
    public UnknownAction()
    {
    }

    public UnknownAction(string message)
        : base(message)
    {
    }

    public UnknownAction(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
