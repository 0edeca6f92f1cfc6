using System.Text.Json;
using LocalCloud.HostileInput.Tests.Models;

namespace LocalCloud.HostileInput.Tests.Fuzzing;

/// <summary>
/// What every answer to hostile input must be: below 500, and when an error, a JSON body whose code is one the
/// operation's model lists or a protocol-level code any AWS JSON service may return.
/// </summary>
public static class Verdict
{
    /// <summary>Errors any awsJson/restJson AWS service returns before an operation's own validation runs.</summary>
    public static IReadOnlySet<string> ProtocolCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "SerializationException", "ValidationException", "UnknownOperationException", "InvalidRequestContentException",
        "RequestEntityTooLargeException", "MissingAuthenticationTokenException", "IncompleteSignature", "InvalidSignatureException",
        "UnrecognizedClientException",
    };

    /// <summary>Null when the response is acceptable, else why not.</summary>
    public static string? Judge(ApiOperation? operation, HostileRequest request, HostileResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status >= 500)
        {
            return $"{response.Status}: {Truncate(response.Text)}";
        }
        if (response.Status < 400)
        {
            return null;
        }
        // Kestrel refuses what is not valid HTTP/1.1 before LocalCloud sees it: 400 (e.g. %00 in the path,
        // raw non-ASCII), 414 (request line over 8 KB), 431 (headers too large), each with an empty body.
        if (request.MalformedHttp && response.Status is 400 or 414 or 431 && response.Body.Length == 0)
        {
            return null;
        }
        var code = ErrorCode(response);
        if (code is null)
        {
            return $"{response.Status} without an AWS error code: headers [{string.Join(", ", response.Headers.Select(h => h.Key + "=" + h.Value))}] body {Truncate(response.Text)}";
        }
        if (ProtocolCodes.Contains(code) || (operation?.Errors.Contains(code) ?? false))
        {
            return null;
        }
        return $"{response.Status} {code} is not an error {operation?.ToString() ?? "any operation"} may return: {Truncate(response.Text)}";
    }

    /// <summary>awsJson: __type (after '#'); restJson: x-amzn-ErrorType (before ':'). The body must be JSON either way.</summary>
    public static string? ErrorCode(HostileResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var header = response.Header("x-amzn-ErrorType");
        if (header.Length > 0)
        {
            return header.Split(':')[0];
        }
        if (body.TryGetProperty("__type", out var type) && type.GetString() is { } t)
        {
            return t[(t.LastIndexOf('#') + 1)..];
        }
        return null;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
