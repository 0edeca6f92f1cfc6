using Amazon.Runtime.CredentialManagement;

namespace Aws.Clients.Configuration;

/// <summary>
/// The region: explicit, else AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region, else us-east-1.
/// Source: https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html
/// </summary>
public static class AwsRegionResolver
{
    /// <summary>The region used when nothing is configured.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>Resolves the region.</summary>
    /// <param name="explicitRegion">A region set in code; wins over everything.</param>
    /// <param name="environment">Environment lookup (default: the process environment).</param>
    /// <param name="profileRegion">Reads the profile's region (default: AWS_PROFILE or "default" from the shared config files).</param>
    public static string Resolve(string? explicitRegion = null, Func<string, string?>? environment = null, Func<string?>? profileRegion = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        foreach (var candidate in new[] { explicitRegion, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION") })
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate.Trim();
            }
        }

        var fromProfile = (profileRegion ?? (() => ProfileRegion(environment)))();
        return string.IsNullOrWhiteSpace(fromProfile) ? DefaultRegion : fromProfile.Trim();
    }

    // Only the shared files are read, not EC2 instance metadata: offline, IMDS probing stalls every client construction.
    private static string? ProfileRegion(Func<string, string?> environment)
    {
        try
        {
            var name = environment("AWS_PROFILE");
            var chain = new CredentialProfileStoreChain();
            return chain.TryGetProfile(string.IsNullOrWhiteSpace(name) ? "default" : name, out var profile) ? profile.Region?.SystemName : null;
        }
#pragma warning disable CA1031 // An unreadable or malformed config file means "no profile region", as in the SDKs.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
