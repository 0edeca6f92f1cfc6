using System.Globalization;
using System.Net.Http.Headers;

namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// The Lambda Runtime API, version 2018-06-01, as any runtime client calls it
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/...
/// </summary>
internal sealed class RuntimeApiClient(string runtimeApi) : IDisposable
{
    // /next is a long poll: it must never time out on the client side.
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly string _base = $"http://{runtimeApi}/2018-06-01/runtime/";

    public async Task<NextInvocation> NextAsync()
    {
        using var response = await _http.GetAsync(new Uri(_base + "invocation/next"), HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id") ?? throw new InvalidOperationException("The Runtime API sent no Lambda-Runtime-Aws-Request-Id.");
        var deadlineMs = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : long.MaxValue;
        return new NextInvocation(requestId, payload, deadlineMs, Header(response, "Lambda-Runtime-Invoked-Function-Arn") ?? string.Empty, Header(response, "Lambda-Runtime-Trace-Id"));
    }

    public Task PostResponseAsync(string requestId, byte[] body)
        => PostAsync($"invocation/{requestId}/response", body, errorType: null);

    public Task PostErrorAsync(string requestId, byte[] errorDocument, string errorType)
        => PostAsync($"invocation/{requestId}/error", errorDocument, errorType);

    public Task PostInitErrorAsync(byte[] errorDocument, string errorType)
        => PostAsync("init/error", errorDocument, errorType);

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path, byte[] body, string? errorType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base + path)) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation("Lambda-Runtime-Function-Error-Type", errorType);
        }
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        // A rejected response (e.g. 413 too large) is the service's to report; the runtime carries on with /next.
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
