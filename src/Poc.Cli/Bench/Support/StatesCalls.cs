using System.Net.Http.Headers;
using System.Text.Json;

namespace Poc.Bench.Support;

/// <summary>Step Functions over raw awsJson 1.0, as any client or activity worker sends it: the benchmarks time the wire, not an SDK.</summary>
public static class StatesCalls
{
    public static async Task<JsonElement> CallAsync(HttpClient http, Uri endpoint, string operation, object body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body)) };
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions." + operation);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{operation}: {text}");
    }
}
