using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aws.SigV4;
using LocalCloud.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LocalCloud.Hosting;

/// <summary>
/// Under --require-auth: re-derives each request's SigV4 signature from what arrived on the wire (raw path and
/// query, the headers the client says it signed, the body) with the same signer our clients use, and refuses
/// what does not match, with AWS's codes and messages. Spec:
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html and the common
/// errors of https://docs.aws.amazon.com/signer/latest/api/CommonErrors.html.
/// </summary>
internal sealed partial class SigV4Authenticator(IReadOnlyDictionary<string, string> credentials, WorkerCredentials? worker, TimeProvider time)
{
    private const string RuntimePrefix = "/_localcloud/lambda-runtime/";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private static readonly SigV4Signer Signer = new();

    /// <summary>Routes that stay unsigned, as in AWS: the health probe and the Lambda Runtime API workers poll.</summary>
    public static bool IsExempt(string path)
        => path == LocalEndpoints.HealthPath || path.StartsWith(RuntimePrefix, StringComparison.Ordinal);

    /// <summary>Null when the request is signed by a known key; else the error to answer with (status set by the caller's protocol).</summary>
    public AwsServiceException? Verify(HttpRequest request, ReadOnlyMemory<byte> body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            return request.Query.ContainsKey("X-Amz-Signature")
                ? Error("IncompleteSignature", "LocalCloud verifies only header-signed requests (Authorization: AWS4-HMAC-SHA256 …); presigned URLs are not supported.")
                : Error("MissingAuthenticationTokenException", "Request is missing Authentication Token");
        }
        var header = AuthorizationHeader.Parse(authorization);
        if (header.Problem is { } problem)
        {
            return Error("IncompleteSignature", $"{problem} Authorization={Redact(authorization)}");
        }
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length == 0)
        {
            return Error("IncompleteSignature", $"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={Redact(authorization)}");
        }
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            return Error("IncompleteSignature", $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        var now = time.GetUtcNow();
        if (signedAt < now - AllowedSkew)
        {
            return Error("InvalidSignatureException", $"Signature expired: {amzDate} is now earlier than {Basic(now - AllowedSkew)} ({Basic(now)} - 15 min.)");
        }
        if (signedAt > now + AllowedSkew)
        {
            return Error("InvalidSignatureException", $"Signature not yet current: {amzDate} is still later than {Basic(now + AllowedSkew)} ({Basic(now)} + 15 min.)");
        }
        var sessionToken = request.Headers["X-Amz-Security-Token"].ToString();
        var secret = SecretFor(header.AccessKey, sessionToken);
        if (secret is null)
        {
            return Error("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        if (!header.SignedHeaders.Contains("host"))
        {
            return Error("IncompleteSignature", $"'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization. Authorization={Redact(authorization)}");
        }
        return Matches(request, body, header, secret, header.SignedHeaders.Contains("x-amz-security-token") ? sessionToken : null, signedAt)
            ? null
            : Error("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    private string? SecretFor(string accessKey, string sessionToken)
    {
        if (credentials.TryGetValue(accessKey, out var secret))
        {
            return secret;
        }
        // Lambda workers sign with the account id as access key and the secret and token LocalCloud minted for them.
        return worker is not null && AccountId().IsMatch(accessKey) && FixedTimeEquals(sessionToken, worker.SessionToken)
            ? worker.SecretAccessKey
            : null;
    }

    private static bool Matches(HttpRequest request, ReadOnlyMemory<byte> body, AuthorizationHeader header, string secret, string? sessionToken, DateTimeOffset signedAt)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in header.SignedHeaders)
        {
            if (name is "x-amz-date" or "x-amz-security-token")
            {
                continue; // The signer adds both itself, from the timestamp and the credentials.
            }
            if (!request.Headers.TryGetValue(name, out var values))
            {
                return false;
            }
            headers.Add(new(name, string.Join(',', values.ToArray())));
        }
        if (request.Headers.TryGetValue("x-amz-content-sha256", out var claimed)
            && !string.Equals(claimed.ToString(), Convert.ToHexStringLower(SHA256.HashData(body.Span)), StringComparison.Ordinal))
        {
            return false;
        }
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var q = target.IndexOf('?', StringComparison.Ordinal);
        var (path, query) = q < 0 ? (target, string.Empty) : (target[..q], target[(q + 1)..]);
        var expected = Signer.Sign(new SigV4Request(request.Method, path, query, headers, body),
            new SigV4Credentials(header.AccessKey, secret, sessionToken), header.Region, header.Service, signedAt);
        return expected.SignedHeaders == string.Join(';', header.SignedHeaders)
            && FixedTimeEquals(expected.Signature, header.Signature);
    }

    private static bool FixedTimeEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Basic(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The signature is the only secret-derived part of the header; AWS echoes the header, we echo it without that.</summary>
    private static string Redact(string authorization)
    {
        var at = authorization.IndexOf("Signature=", StringComparison.Ordinal);
        return at < 0 ? authorization : authorization[..(at + "Signature=".Length)] + "<redacted>";
    }

    private static AwsServiceException Error(string code, string message) => new(code, message, 400);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{12}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AccountId();
}
