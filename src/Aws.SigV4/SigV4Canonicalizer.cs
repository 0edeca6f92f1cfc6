using System.Text;

namespace Aws.SigV4;

/// <summary>
/// The canonical forms of SigV4 task 1.
/// Spec: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
/// </summary>
internal static class SigV4Canonicalizer
{
    public static string CanonicalUri(string path, SigV4Options options)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        var segments = path.Split('/');
        if (options.NormalizePath)
        {
            segments = RemoveDotSegments(segments, out var trailingSlash);
            var joined = string.Join('/', segments.Select(s => EncodeSegment(s, options)));
            return joined.Length == 0 ? "/" : "/" + joined + (trailingSlash ? "/" : string.Empty);
        }

        return string.Join('/', segments.Select(s => EncodeSegment(s, options)));
    }

    public static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in query.TrimStart('?').Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add((UriEncoding.Encode(Uri.UnescapeDataString(key)), UriEncoding.Encode(Uri.UnescapeDataString(value))));
        }

        return string.Join('&', pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>Lowercase names, sorted; values trimmed with inner whitespace runs collapsed; repeats joined by ','.</summary>
    public static SortedDictionary<string, string> CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
#pragma warning disable CA1308 // SigV4 mandates lowercase header names.
            var key = name.Trim().ToLowerInvariant();
#pragma warning restore CA1308
            var canonicalValue = CollapseWhitespace(value);
            result[key] = result.TryGetValue(key, out var existing) ? existing + "," + canonicalValue : canonicalValue;
        }

        return result;
    }

    private static string EncodeSegment(string segment, SigV4Options options) =>
        UriEncoding.Encode(options.DoubleEncodePath ? segment : Uri.UnescapeDataString(segment));

    private static string[] RemoveDotSegments(string[] segments, out bool trailingSlash)
    {
        var stack = new List<string>();
        trailingSlash = false;
        foreach (var segment in segments)
        {
            trailingSlash = segment is "" or "." or "..";
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                continue;
            }

            stack.Add(segment);
        }

        return [.. stack];
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
