using System.Net;
using System.Text;

namespace Aws.Clients.Tests.Support;

/// <summary>Captures every request and answers from a queue of responders (the last one repeats).</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> responders = new();
    private readonly List<CapturedRequest> requests = [];
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? last;

    public IReadOnlyList<CapturedRequest> Requests => requests;

    public CapturedRequest Single() => Assert.Single(requests);

    public RecordingHandler Respond(HttpStatusCode status, string? json = null, params (string Name, string Value)[] headers) =>
        Respond((_, _) => Task.FromResult(Response(status, json is null ? [] : Encoding.UTF8.GetBytes(json), headers)));

    public RecordingHandler RespondBytes(HttpStatusCode status, byte[] body, params (string Name, string Value)[] headers) =>
        Respond((_, _) => Task.FromResult(Response(status, body, headers)));

    public RecordingHandler Throw(Exception exception) => Respond((_, _) => Task.FromException<HttpResponseMessage>(exception));

    public RecordingHandler Respond(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        responders.Enqueue(responder);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.NonValidated
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(',', h.Value)))
            .ToList();
        if (request.Content is not null)
        {
            headers.AddRange(request.Content.Headers.NonValidated.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(',', h.Value))));
        }

        requests.Add(new CapturedRequest(request.Method, request.RequestUri!, headers, body));
        var responder = responders.Count > 0 ? responders.Dequeue() : last ?? throw new InvalidOperationException("No response queued.");
        last = responder;
        return await responder(request, cancellationToken);
    }

    private static HttpResponseMessage Response(HttpStatusCode status, byte[] body, (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
