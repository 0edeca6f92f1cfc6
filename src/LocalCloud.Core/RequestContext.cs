namespace LocalCloud.Core;

/// <summary>Who is calling and where: taken from the SigV4 credential scope by the host.</summary>
public sealed record RequestContext(string AccountId, string Region, string RequestId)
{
    public const string DefaultAccountId = "000000000000";
    public const string DefaultRegion = "us-east-1";

    public static RequestContext Default() => new(DefaultAccountId, DefaultRegion, Guid.NewGuid().ToString());
}
