using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LocalCloud.Core;
using LocalCloud.Hosting;
using Microsoft.AspNetCore.Http;

namespace LocalCloud.WebConsole;

/// <summary>
/// Who may use the console and whether it may act. Read-only unless LocalCloud is bound to loopback or started with
/// --console-actions; under --require-auth a browser cannot sign SigV4, so it asks for an access key and its secret
/// (HTTP Basic) from the same --credentials list. Actions also need the console's own header and, when the browser
/// names one, a same-origin request (<see cref="CrossSiteGuard"/>): another site's page cannot post to a console on the user's loopback.
/// </summary>
internal sealed partial class ConsoleAccess(LocalCloudOptions options)
{
    public const string ActionHeader = "X-LocalCloud-Console";

    public bool CanAct { get; } = IsLoopback(options.Host) || options.ConsoleActions;

    public bool RequiresCredentials => options.RequireAuth;

    public static bool IsLoopback(string host)
        => host is "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>The account the console acts as, or null when the request must be refused (401).</summary>
    public string? Authenticate(HttpRequest request)
    {
        if (!options.RequireAuth)
        {
            return RequestContext.DefaultAccountId;
        }
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !options.Credentials.TryGetValue(pair[..colon], out var secret)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(pair[(colon + 1)..]), Encoding.UTF8.GetBytes(secret)))
        {
            return null;
        }
        var key = pair[..colon];
        // As for SigV4 callers (CallerIdentity): a 12-digit access key is the account.
        return TwelveDigits().IsMatch(key) ? key : RequestContext.DefaultAccountId;
    }

    /// <summary>Why an action request is refused, or null when it may go ahead.</summary>
    public string? RefuseAction(HttpRequest request)
    {
        if (!CanAct)
        {
            return "The console is read-only: LocalCloud is not bound to loopback and was not started with --console-actions.";
        }
        if (request.Headers[ActionHeader].ToString() != "1")
        {
            return $"Console actions need the {ActionHeader} header (sent by the console's own page).";
        }
        // The same rule as every other state-changing request (Sec-Fetch-Site, then Origin): one check, not two.
        return CrossSiteGuard.Refuse(request);
    }

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveDigits();
}
