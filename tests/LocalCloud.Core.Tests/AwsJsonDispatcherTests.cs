using System.Text;
using System.Text.Json;
using LocalCloud.Core.Protocols;

namespace LocalCloud.Core.Tests;

public sealed class AwsJsonDispatcherTests
{
    private sealed record EchoRequest(string Name);
    private sealed record EchoResponse(string Greeting);

    private static AwsJsonDispatcher Dispatcher()
    {
        var d = new AwsJsonDispatcher("Svc_2020", "com.example.svc", new JsonSerializerOptions(JsonSerializerDefaults.Web));
        d.Add<EchoRequest, EchoResponse>("Echo", (r, _, _) => r.Name == "fail"
            ? throw new AwsServiceException("ResourceNotFoundException", "no such thing")
            : Task.FromResult(new EchoResponse($"hello {r.Name}")));
        d.KnownButNotImplemented.Add("Later");
        return d;
    }

    private static ServiceRequest Request(string? target, string body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (target is not null)
        {
            headers["X-Amz-Target"] = target;
        }
        return new ServiceRequest("POST", "/", new Dictionary<string, string>(), headers, Encoding.UTF8.GetBytes(body), RequestContext.Default());
    }

    private static (int Status, string Type, string Message) Error(ServiceResponse r)
    {
        using var doc = JsonDocument.Parse(r.Body);
        return (r.Status, doc.RootElement.GetProperty("__type").GetString()!, doc.RootElement.GetProperty("message").GetString()!);
    }

    [Fact]
    public async Task Dispatch_KnownOperation_SerialisesResponse()
    {
        var response = await Dispatcher().DispatchAsync(Request("Svc_2020.Echo", """{"name":"ada"}"""), CancellationToken.None);

        Assert.Equal(200, response.Status);
        Assert.Equal("application/x-amz-json-1.0", response.ContentType);
        Assert.Equal("""{"greeting":"hello ada"}""", response.BodyText);
    }

    [Fact]
    public async Task Dispatch_HandlerThrowsAwsError_AnswersNamespacedType()
    {
        var (status, type, message) = Error(await Dispatcher().DispatchAsync(Request("Svc_2020.Echo", """{"name":"fail"}"""), CancellationToken.None));

        Assert.Equal(400, status);
        Assert.Equal("com.example.svc#ResourceNotFoundException", type);
        Assert.Equal("no such thing", message);
    }

    [Theory]
    [InlineData("Svc_2020.Nope", "Unknown operation Nope.")]
    [InlineData("Other_2020.Echo", "Unknown operation Other_2020.Echo.")]
    [InlineData(null, "Missing X-Amz-Target header.")]
    [InlineData("Svc_2020.Later", "Operation Later is not implemented by LocalCloud yet.")]
    public async Task Dispatch_UnservedTarget_AnswersUnknownOperation(string? target, string expectedMessage)
    {
        var (status, type, message) = Error(await Dispatcher().DispatchAsync(Request(target, "{}"), CancellationToken.None));

        Assert.Equal(400, status);
        Assert.EndsWith("#UnknownOperationException", type, StringComparison.Ordinal);
        Assert.Equal(expectedMessage, message);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("null")]
    public async Task Dispatch_MalformedBody_AnswersSerializationException(string body)
    {
        var (status, type, _) = Error(await Dispatcher().DispatchAsync(Request("Svc_2020.Echo", body), CancellationToken.None));

        Assert.Equal(400, status);
        Assert.Equal("com.example.svc#SerializationException", type);
    }
}
