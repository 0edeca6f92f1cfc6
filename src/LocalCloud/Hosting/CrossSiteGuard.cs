using Microsoft.AspNetCore.Http;

namespace LocalCloud.Hosting;

/// <summary>
/// Refuses state-changing requests that a browser marks as sent by another site's page and that carry no SigV4
/// Authorization header. Without it a page open in the user's browser could invoke functions or create schedules
/// on a LocalCloud listening on loopback: a cross-origin POST with a text/plain body needs no CORS preflight, and
/// LocalCloud does not check signatures unless --require-auth. AWS CLI, boto3 and the SDKs send neither Origin nor
/// Sec-Fetch-Site, so they are never affected; a browser cannot add an Authorization header to another origin without
/// a preflight LocalCloud does not grant, so a request carrying one did not come from a simple cross-site form or fetch.
/// A presigned query string does not count as signed here: without --require-auth nothing verifies it.
/// </summary>
internal static class CrossSiteGuard
{
    /// <summary>Why the request is refused, or null when it may go ahead.</summary>
    public static string? Refuse(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return null;
        }
        if (request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        // Fetch Metadata first (every current browser sends it); Origin for older ones. "same-site" is refused too:
        // another port on localhost is the same site but a different origin.
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return $"Cross-site request refused (Sec-Fetch-Site: {fetchSite}): state-changing requests from a browser must come from LocalCloud's own origin or be SigV4-signed.";
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return $"Cross-origin request refused (Origin: {origin}): state-changing requests from a browser must come from LocalCloud's own origin or be SigV4-signed.";
        }
        return null;
    }
}
