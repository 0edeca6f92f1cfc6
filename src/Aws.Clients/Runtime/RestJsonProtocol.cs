using System.Text.Json;

namespace Aws.Clients.Runtime;

/// <summary>
/// restJson1: method and path from the operation's http trait, labels URI-encoded, some members in query or headers,
/// the rest as a JSON body. Source: https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
/// </summary>
internal sealed class RestJsonProtocol(AwsHttpPipeline pipeline, JsonSerializerOptions json)
{
    public const string ContentType = "application/json";

    /// <summary>Encodes a path label: everything but unreserved characters, '/' included.</summary>
    public static string Label(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    public Task<AwsHttpResponse> SendAsync(
        HttpMethod method,
        string path,
        IEnumerable<KeyValuePair<string, string?>>? query,
        object? body,
        CancellationToken cancellationToken,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        var queryPairs = (query ?? []).Where(q => q.Value is not null).Select(q => new KeyValuePair<string, string>(q.Key, q.Value!)).ToList();
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), json);
        return pipeline.SendAsync(new AwsHttpRequest(method, path, queryPairs, headers ?? [], bytes, body is null ? null : ContentType), cancellationToken);
    }

    public T Read<T>(AwsHttpResponse response)
        where T : new() =>
        response.Body.Length == 0 ? new T() : JsonSerializer.Deserialize<T>(response.Body, json) ?? new T();
}
