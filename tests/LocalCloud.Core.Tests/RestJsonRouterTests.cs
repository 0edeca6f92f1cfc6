using System.Text.Json;
using LocalCloud.Core.Protocols;

namespace LocalCloud.Core.Tests;

public sealed class RestJsonRouterTests
{
    private static RestJsonRouter Router() => new RestJsonRouter()
        .Add("GET", "/2015-03-31/functions/{FunctionName}", (_, v, _) => Task.FromResult(ServiceResponse.Json(200, JsonSerializer.SerializeToUtf8Bytes(new { get = v["FunctionName"] }))))
        .Add("POST", "/2015-03-31/functions/{FunctionName}/invocations", (_, v, _) => Task.FromResult(ServiceResponse.Json(200, JsonSerializer.SerializeToUtf8Bytes(new { invoke = v["FunctionName"] }))))
        .Add("GET", "/files/{Key+}", (_, v, _) => Task.FromResult(ServiceResponse.Json(200, JsonSerializer.SerializeToUtf8Bytes(new { key = v["Key"] }))))
        .Add("DELETE", "/boom", (_, _, _) => throw new AwsServiceException("ResourceNotFoundException", "gone", 404) { ErrorType = "User" });

    private static ServiceRequest Request(string method, string path)
        => new(method, path, new Dictionary<string, string>(), new Dictionary<string, string>(), ReadOnlyMemory<byte>.Empty, RequestContext.Default());

    [Theory]
    [InlineData("GET", "/2015-03-31/functions/my-fn", """{"get":"my-fn"}""")]
    [InlineData("POST", "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Afn/invocations", """{"invoke":"arn:aws:lambda:us-east-1:000000000000:function:fn"}""")]
    [InlineData("GET", "/files/a/b/c", """{"key":"a/b/c"}""")]
    public async Task Dispatch_MatchingRoute_BindsLabels(string method, string path, string expected)
    {
        var response = await Router().DispatchAsync(Request(method, path), CancellationToken.None);

        Assert.Equal(200, response.Status);
        Assert.Equal(expected, response.BodyText);
    }

    [Fact]
    public async Task Dispatch_WrongMethodOnKnownPath_Answers405WithErrorTypeHeader()
    {
        var response = await Router().DispatchAsync(Request("PUT", "/2015-03-31/functions/fn"), CancellationToken.None);

        Assert.Equal(405, response.Status);
        Assert.Equal("UnknownOperationException", response.Headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public async Task Dispatch_HandlerThrows_AnswersRestJsonShape()
    {
        var response = await Router().DispatchAsync(Request("DELETE", "/boom"), CancellationToken.None);

        Assert.Equal(404, response.Status);
        Assert.Equal("ResourceNotFoundException", response.Headers["x-amzn-ErrorType"]);
        using var doc = JsonDocument.Parse(response.Body);
        Assert.Equal("User", doc.RootElement.GetProperty("Type").GetString());
        Assert.Equal("gone", doc.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Dispatch_NoRoute_Answers404()
    {
        var response = await Router().DispatchAsync(Request("GET", "/nowhere"), CancellationToken.None);

        Assert.Equal(404, response.Status);
    }
}
