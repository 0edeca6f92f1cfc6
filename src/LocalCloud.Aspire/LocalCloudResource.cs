using Aspire.Hosting.ApplicationModel;

namespace LocalCloud.Aspire;

/// <summary>
/// LocalCloud as an Aspire resource: the <c>localcloud</c> .NET tool (docs: README, "Going further") run by the AppHost,
/// one HTTP endpoint for every emulated service.
/// </summary>
public sealed class LocalCloudResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    /// <summary>The endpoint's name.</summary>
    public const string EndpointName = "http";

    /// <summary>LocalCloud accepts any key unless started with --require-auth; these are what referencing projects get.</summary>
    public const string AccessKeyId = "test";

    /// <summary>The secret paired with <see cref="AccessKeyId"/>.</summary>
    public const string SecretAccessKey = "test";

    /// <summary>The region LocalCloud's ARNs name.</summary>
    public const string Region = "us-east-1";

    /// <summary>LocalCloud's health route (docs/localcloud-endpoints.md).</summary>
    public const string HealthPath = "/_localcloud/health";

    private EndpointReference? _endpoint;

    /// <summary>Where LocalCloud answers, once the AppHost has allocated it.</summary>
    public EndpointReference Endpoint => _endpoint ??= new(this, EndpointName);
}
