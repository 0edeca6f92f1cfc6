using System.Text.Json;
using Aws.Clients.Serialization;

namespace Aws.Clients.Runtime;

/// <summary>
/// awsJson1_0: every operation is POST / with X-Amz-Target: {prefix}.{Operation} and the input as the JSON body.
/// Source: https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html
/// </summary>
internal sealed class AwsJsonProtocol(AwsHttpPipeline pipeline, string targetPrefix, JsonSerializerOptions json)
{
    public const string ContentType = "application/x-amz-json-1.0";

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
        where TResponse : new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, json);
        var headers = new List<KeyValuePair<string, string>> { new("X-Amz-Target", targetPrefix + "." + operation) };
        var response = await pipeline.SendAsync(new AwsHttpRequest(HttpMethod.Post, "/", [], headers, body, ContentType), cancellationToken).ConfigureAwait(false);
        return response.Body.Length == 0 ? new TResponse() : JsonSerializer.Deserialize<TResponse>(response.Body, json) ?? new TResponse();
    }
}
