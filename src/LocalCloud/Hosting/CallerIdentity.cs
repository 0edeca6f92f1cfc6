using System.Text.RegularExpressions;
using LocalCloud.Core;

namespace LocalCloud.Hosting;

/// <summary>
/// Reads account and region from a request's SigV4 credential scope, as LocalStack does: the access key
/// is the account when it is 12 digits, else the default account. Signatures are not verified here.
/// </summary>
internal static partial class CallerIdentity
{
    // Credential=<access key>/<date>/<region>/<service>/aws4_request, in the Authorization header or
    // the X-Amz-Credential query parameter of a presigned request.
    [GeneratedRegex(@"Credential=(?<key>[^/,\s]+)/\d{8}/(?<region>[^/,\s]+)/(?<service>[^/,\s]+)/aws4_request", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationCredential();

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveDigits();

    public static (string AccountId, string Region, string? SigningService) From(string? authorization, string? queryCredential)
    {
        string? key = null, region = null, service = null;
        var match = authorization is null ? Match.Empty : AuthorizationCredential().Match(authorization);
        if (match.Success)
        {
            (key, region, service) = (match.Groups["key"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
        }
        else if (queryCredential?.Split('/') is [var k, _, var r, var s, "aws4_request"])
        {
            (key, region, service) = (k, r, s);
        }
        var account = key is not null && TwelveDigits().IsMatch(key) ? key : RequestContext.DefaultAccountId;
        return (account, string.IsNullOrEmpty(region) ? RequestContext.DefaultRegion : region, service);
    }
}
