using System.Text;
using LocalCloud.HostileInput.Tests.Models;

namespace LocalCloud.HostileInput.Tests.Fuzzing;

/// <summary>Puts a skeleton on the wire the way the operation's protocol wants (awsJson: POST / + X-Amz-Target; restJson: the http trait).</summary>
public static class RequestWriter
{
    public static HostileRequest Write(ApiOperation operation, RequestSkeleton skeleton, byte[] body, string description, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(skeleton);
        var headers = new List<KeyValuePair<string, string>>();
        if (operation.IsAwsJson)
        {
            headers.Add(new("X-Amz-Target", operation.Target));
            headers.Add(new("Content-Type", contentType ?? "application/x-amz-json-1.0"));
            return new HostileRequest("POST", "/", headers, body, description);
        }
        headers.Add(new("Content-Type", contentType ?? "application/json"));
        headers.AddRange(skeleton.Headers.Where(h => h.Value.All(c => c is >= ' ' and < (char)127)));
        return new HostileRequest(operation.Method, Target(operation, skeleton.Labels, skeleton.Query, encodeLabels: true), headers, body, description);
    }

    /// <summary>The request target from the URI template; labels are percent-encoded unless the caller wants them raw.</summary>
    public static string Target(ApiOperation operation, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> query, bool encodeLabels)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(query);
        var template = operation.RequestUri;
        var fixedQuery = string.Empty;
        var q = template.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            fixedQuery = template[(q + 1)..];
            template = template[..q];
        }
        var path = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                path.Append(template, i, template.Length - i);
                break;
            }
            var close = template.IndexOf('}', open);
            path.Append(template, i, open - i);
            var name = template[(open + 1)..close].TrimEnd('+');
            var value = labels.TryGetValue(name, out var v) ? v : "x";
            path.Append(encodeLabels ? Uri.EscapeDataString(value) : value);
            i = close + 1;
        }
        var parts = query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)).ToList();
        if (fixedQuery.Length > 0)
        {
            parts.Insert(0, fixedQuery);
        }
        return parts.Count == 0 ? path.ToString() : path + "?" + string.Join('&', parts);
    }
}
