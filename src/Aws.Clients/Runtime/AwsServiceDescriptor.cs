namespace Aws.Clients.Runtime;

/// <summary>A service's identity as its API model states it (metadata.serviceId, endpointPrefix, signingName).</summary>
internal sealed record AwsServiceDescriptor(string ServiceId, string EndpointPrefix, string SigningName)
{
    public static readonly AwsServiceDescriptor StepFunctions = new("SFN", "states", "states");
    public static readonly AwsServiceDescriptor Lambda = new("Lambda", "lambda", "lambda");
    public static readonly AwsServiceDescriptor Scheduler = new("Scheduler", "scheduler", "scheduler");
}
