namespace Poc.Cli.Deploy;

/// <summary>Everything deploy did, in order, and how long it took.</summary>
public sealed record DeployResult(IReadOnlyList<DeployedResource> Resources, FunctionPackage Package, TimeSpan Elapsed)
{
    /// <summary>The resource called <paramref name="name"/>.</summary>
    public DeployedResource this[string name] => Resources.Single(r => r.Name == name);
}
