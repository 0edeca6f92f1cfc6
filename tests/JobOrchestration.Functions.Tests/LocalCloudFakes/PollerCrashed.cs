namespace JobOrchestration.Functions.Tests.LocalCloudFakes;

/// <summary>Stands for the poller's process dying at an injected point: nothing after it runs for that record.</summary>
#pragma warning disable CA1710 // Named like the other injected failures, after what happened.
internal sealed class PollerCrashed : Exception
#pragma warning restore CA1710
{
    public PollerCrashed()
    {
    }

    public PollerCrashed(string message)
        : base(message)
    {
    }

    public PollerCrashed(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
