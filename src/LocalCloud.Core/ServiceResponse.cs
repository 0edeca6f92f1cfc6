using System.Text;
using System.Text.Json;

namespace LocalCloud.Core;

/// <summary>What a service answers; the host copies it onto the wire unchanged.</summary>
public sealed record ServiceResponse(int Status, ReadOnlyMemory<byte> Body, string ContentType, IReadOnlyDictionary<string, string> Headers)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static ServiceResponse Json(int status, ReadOnlyMemory<byte> body, string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null)
        => new(status, body, contentType, headers ?? NoHeaders);

    public static ServiceResponse Json<T>(int status, T value, JsonSerializerOptions options, string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null)
        => new(status, JsonSerializer.SerializeToUtf8Bytes(value, options), contentType, headers ?? NoHeaders);

    public static ServiceResponse Empty(int status, IReadOnlyDictionary<string, string>? headers = null)
        => new(status, ReadOnlyMemory<byte>.Empty, "application/json", headers ?? NoHeaders);

    public string BodyText => Encoding.UTF8.GetString(Body.Span);
}
