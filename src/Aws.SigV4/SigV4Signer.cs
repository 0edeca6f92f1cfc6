using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Aws.SigV4;

/// <summary>
/// AWS Signature Version 4 (header form).
/// Spec: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
/// </summary>
public sealed class SigV4Signer
{
    /// <summary>The algorithm name written into the string to sign and the Authorization header.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    // Hop-by-hop or rewritten-in-transit headers: signing them breaks through proxies (the SDKs skip them too).
    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "connection", "content-length", "expect", "transfer-encoding", "user-agent", "x-amzn-trace-id",
    };

    private readonly SigV4Options options;

    /// <summary>Creates a signer; <paramref name="options"/> defaults to the non-S3 rules.</summary>
    public SigV4Signer(SigV4Options? options = null) => this.options = options ?? new SigV4Options();

    /// <summary>Signs a request description and returns every intermediate piece.</summary>
    public SigV4Signature Sign(SigV4Request request, SigV4Credentials credentials, string region, string service, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var utc = timestamp.UtcDateTime;
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        var headers = request.Headers
            .Where(h => !h.Key.Equals("x-amz-date", StringComparison.OrdinalIgnoreCase)
                && !h.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var added = new List<KeyValuePair<string, string>> { new("X-Amz-Date", amzDate) };
        headers.Add(added[0]);

        var payloadHash = headers.FirstOrDefault(h => h.Key.Equals("x-amz-content-sha256", StringComparison.OrdinalIgnoreCase)).Value
            ?? Hex(SHA256.HashData(request.Body.Span));
        if (options.AddContentSha256Header && !headers.Exists(h => h.Key.Equals("x-amz-content-sha256", StringComparison.OrdinalIgnoreCase)))
        {
            added.Add(new("X-Amz-Content-Sha256", payloadHash));
            headers.Add(added[^1]);
        }

        KeyValuePair<string, string>? unsignedToken = null;
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            var token = new KeyValuePair<string, string>("X-Amz-Security-Token", credentials.SessionToken);
            if (options.OmitSessionTokenFromSignature)
            {
                unsignedToken = token;
            }
            else
            {
                added.Add(token);
                headers.Add(token);
            }
        }

        var canonicalHeaders = SigV4Canonicalizer.CanonicalHeaders(headers);
        var signedHeaders = string.Join(';', canonicalHeaders.Keys);
        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            SigV4Canonicalizer.CanonicalUri(request.Path, options),
            SigV4Canonicalizer.CanonicalQuery(request.Query),
            string.Concat(canonicalHeaders.Select(h => h.Key + ":" + h.Value + "\n")),
            signedHeaders,
            payloadHash);

        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var signature = Hex(HMACSHA256.HashData(DeriveSigningKey(credentials.SecretAccessKey, date, region, service), Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";

        if (unsignedToken is { } t)
        {
            added.Add(t);
        }

        added.Add(new("Authorization", authorization));
        return new SigV4Signature(canonicalRequest, stringToSign, signature, signedHeaders, scope, authorization, added);
    }

    /// <summary>
    /// Signs an outgoing message in place: adds X-Amz-Date, the session token and Authorization.
    /// <paramref name="body"/> must be the exact bytes of the message content.
    /// </summary>
    public SigV4Signature SignHttpRequest(HttpRequestMessage request, ReadOnlyMemory<byte> body, SigV4Credentials credentials, string region, string service, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no RequestUri.", nameof(request));
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URI must be absolute to be signed.", nameof(request));
        }

        var headers = new List<KeyValuePair<string, string>> { new("host", uri.Authority) };
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = request.Headers;
        if (request.Content is not null)
        {
            all = all.Concat(request.Content.Headers.NonValidated.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value)));
        }

        foreach (var (name, values) in all)
        {
            if (!UnsignedHeaders.Contains(name) && !name.Equals("host", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(new(name, string.Join(',', values)));
            }
        }

        var signature = Sign(new SigV4Request(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, body), credentials, region, service, timestamp);
        foreach (var (name, value) in signature.HeadersToAdd)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return signature;
    }

    /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
    public static byte[] DeriveSigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

#pragma warning disable CA1308 // SigV4 hex digests are lowercase by definition.
    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
#pragma warning restore CA1308
}
