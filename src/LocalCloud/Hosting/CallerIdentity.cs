using System.Text.RegularExpressions;
using LocalCloud.Core;

namespace LocalCloud.Hosting;

/// <summary>
/// Reads account and region from a request's SigV4 credential scope, as LocalStack does: the access key
/// is the account when it is 12 digits, else the default account. Signatures are not verified here.
/// </summary>
internal static partial class CallerIdentity
{
    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveDigits();

    public static (string AccountId, string Region, string? SigningService) From(string? authorization, string? queryCredential)
    {
        string? key = null, region = null, service = null;
        if (authorization is not null && FindCredential(authorization) is { } found)
        {
            (key, region, service) = found;
        }
        else if (queryCredential?.Split('/') is [var k, _, var r, var s, "aws4_request"])
        {
            (key, region, service) = (k, r, s);
        }
        var account = key is not null && TwelveDigits().IsMatch(key) ? key : RequestContext.DefaultAccountId;
        return (account, string.IsNullOrEmpty(region) ? RequestContext.DefaultRegion : region, service);
    }

    /// <summary>
    /// The first "Credential=KEY/DATE/REGION/SERVICE/aws4_request" in an Authorization header (DATE eight digits, the
    /// other parts free of '/', ',' and white space). Read by hand rather than by a regular expression because every
    /// request passes here: in the wire benchmark a match with its groups was 7 % of the bytes LocalCloud allocated.
    /// </summary>
    private static (string Key, string Region, string Service)? FindCredential(string authorization)
    {
        const string Prefix = "Credential=";
        for (var at = authorization.IndexOf(Prefix, StringComparison.Ordinal); at >= 0; at = authorization.IndexOf(Prefix, at, StringComparison.Ordinal))
        {
            at += Prefix.Length;
            var s = authorization.AsSpan(at);
            var key = Part(s);
            var date = key + 1;
            if (key == 0 || !Slash(s, key) || s.Length < date + 9 || !IsDigits(s.Slice(date, 8)) || !Slash(s, date + 8))
            {
                continue;
            }
            var regionAt = date + 9;
            var region = Part(s[regionAt..]);
            var serviceAt = regionAt + region + 1;
            if (region == 0 || !Slash(s, regionAt + region))
            {
                continue;
            }
            var service = Part(s[serviceAt..]);
            if (service == 0 || !Slash(s, serviceAt + service) || !s[(serviceAt + service + 1)..].StartsWith("aws4_request", StringComparison.Ordinal))
            {
                continue;
            }
            return (s[..key].ToString(), s.Slice(regionAt, region).ToString(), s.Slice(serviceAt, service).ToString());
        }
        return null;
    }

    /// <summary>Length of the run of characters other than '/', ',' and white space (regex [^/,\s]+) at the start.</summary>
    private static int Part(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && s[i] != '/' && s[i] != ',' && !char.IsWhiteSpace(s[i]))
        {
            i++;
        }
        return i;
    }

    private static bool Slash(ReadOnlySpan<char> s, int at) => at < s.Length && s[at] == '/';

    // \d in .NET regular expressions is any Unicode decimal digit, as char.IsDigit.
    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
