namespace Poc.Cli.Deploy;

/// <summary>What deploy did to a resource.</summary>
public enum ResourceChange
{
    /// <summary>It did not exist and now does.</summary>
    Created,

    /// <summary>It existed and differed; now it matches.</summary>
    Updated,

    /// <summary>It already matched.</summary>
    Unchanged,
}
