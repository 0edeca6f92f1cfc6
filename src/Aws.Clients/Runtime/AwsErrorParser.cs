using System.Text.Json;

namespace Aws.Clients.Runtime;

/// <summary>
/// Turns an error response into <see cref="AwsApiException"/>. awsJson1_0 and restJson1 share the rule: the code is the
/// x-amzn-ErrorType header, else the body's "code", else "__type"; drop anything after ':' and before '#'.
/// Source: https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html#operation-error-serialization
/// </summary>
internal static class AwsErrorParser
{
    public static AwsApiException Parse(int statusCode, string? reasonPhrase, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        string? code = headers.TryGetValue("x-amzn-ErrorType", out var headerCode) ? headerCode : null;
        string? message = null;
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    code ??= StringMember(document.RootElement, "code") ?? StringMember(document.RootElement, "Code") ?? StringMember(document.RootElement, "__type");
                    message = StringMember(document.RootElement, "message") ?? StringMember(document.RootElement, "Message") ?? StringMember(document.RootElement, "errorMessage");
                }
            }
            catch (JsonException)
            {
                // Proxies and load balancers answer with HTML or text; the status code still says what happened.
            }
        }

        var requestId = headers.TryGetValue("x-amzn-RequestId", out var id) ? id : headers.TryGetValue("x-amz-request-id", out var s3Id) ? s3Id : null;
        var errorCode = Sanitize(code) ?? FallbackCode(statusCode);
        return new AwsApiException(errorCode, message ?? $"{errorCode}: HTTP {statusCode} {reasonPhrase}".TrimEnd(), statusCode, requestId);
    }

    internal static string? Sanitize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        code = code.Trim();
        return code.Length == 0 ? null : code;
    }

    private static string FallbackCode(int statusCode) => statusCode switch
    {
        400 => "BadRequest",
        403 => "AccessDenied",
        404 => "NotFound",
        413 => "RequestEntityTooLarge",
        429 => "TooManyRequestsException",
        >= 500 => "InternalFailure",
        _ => "UnknownError",
    };

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
