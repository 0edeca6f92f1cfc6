using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace JobOrchestration.Functions.Tests.Fakes;

/// <summary>Answers a real AWS client's HTTP requests from a script, and records what was sent.</summary>
internal sealed class ScriptedHttpHandler(Func<ScriptedHttpHandler.Request, ScriptedHttpHandler.Reply> script) : HttpMessageHandler
{
    public List<Request> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : string.Empty;
        var recorded = new Request(request.Method.Method, request.RequestUri!.AbsolutePath, target, body);
        Requests.Add(recorded);
        var reply = script(recorded);
        var response = new HttpResponseMessage((HttpStatusCode)reply.Status)
        {
            Content = new StringContent(reply.Body, Encoding.UTF8, reply.ContentType),
            RequestMessage = request,
        };
        foreach (var (name, value) in reply.Headers ?? [])
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    internal sealed record Request(string Method, string Path, string Target, string Body)
    {
        public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
    }

    internal sealed record Reply(int Status, string Body, string ContentType = "application/x-amz-json-1.0", Dictionary<string, string>? Headers = null)
    {
        public static Reply Ok(string body = "{}") => new(200, body);

        public static Reply AwsError(string type, string message = "scripted", int status = 400) =>
            new(status, new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString());
    }
}
