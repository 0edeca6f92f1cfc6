using System.Text;
using System.Text.Json;

namespace Aws.SigV4.Tests;

/// <summary>One folder of AWS's SigV4 test suite (aws-c-auth layout): context.json, request.txt and expected outputs.</summary>
internal sealed record SigV4TestSuiteCase(
    SigV4Request Request,
    SigV4Credentials Credentials,
    string Region,
    string Service,
    DateTimeOffset Timestamp,
    SigV4Options Options,
    string ExpectedCanonicalRequest,
    string ExpectedStringToSign,
    string ExpectedSignature)
{
    public static SigV4TestSuiteCase Load(string folder)
    {
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "context.json")));
        var root = context.RootElement;
        var credentials = root.GetProperty("credentials");
        return new SigV4TestSuiteCase(
            ParseRequest(File.ReadAllText(Path.Combine(folder, "request.txt"), Encoding.UTF8)),
            new SigV4Credentials(
                credentials.GetProperty("access_key_id").GetString()!,
                credentials.GetProperty("secret_access_key").GetString()!,
                credentials.TryGetProperty("token", out var token) ? token.GetString() : null),
            root.GetProperty("region").GetString()!,
            root.GetProperty("service").GetString()!,
            DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            new SigV4Options
            {
                NormalizePath = root.GetProperty("normalize").GetBoolean(),
                AddContentSha256Header = root.GetProperty("sign_body").GetBoolean(),
                OmitSessionTokenFromSignature = root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean(),
            },
            Expected(folder, "header-canonical-request.txt"),
            Expected(folder, "header-string-to-sign.txt"),
            Expected(folder, "header-signature.txt"));
    }

    private static string Expected(string folder, string file) =>
        File.ReadAllText(Path.Combine(folder, file), Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    /// <summary>Parses a raw HTTP/1.1 request; folded header lines continue the previous value.</summary>
    private static SigV4Request ParseRequest(string raw)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var headerEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? text.TrimEnd('\n') : text[..headerEnd];
        var body = headerEnd < 0 ? string.Empty : text[(headerEnd + 2)..];
        var lines = head.Split('\n');

        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return new SigV4Request(method, path, query, headers, Encoding.UTF8.GetBytes(body));
    }
}
