using System.Net;
using System.Text;
using System.Text.Json;
using LocalCloud.Core;

namespace LocalCloud.Tests;

public sealed class HostRoutingTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/x-amz-json-1.0");

    [Fact]
    public async Task Health_Get_NamesEveryService()
    {
        using var doc = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/_localcloud/health", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal("running", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(1.0, doc.RootElement.GetProperty("scheduleTimeScale").GetDouble());
        var services = doc.RootElement.GetProperty("services");
        Assert.Equal("running", services.GetProperty("jsonsvc").GetString());
        Assert.Equal("running", services.GetProperty("restsvc").GetString());
    }

    [Fact]
    public async Task Usage_AfterCounting_ListsRecords()
    {
        host.Server.Usage.Add("states", "StateTransitions", "arn:test", 3);
        using var doc = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/_localcloud/usage", UriKind.Relative), TestContext.Current.CancellationToken));
        var record = doc.RootElement.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("resource").GetString() == "arn:test");
        Assert.Equal(3, record.GetProperty("amount").GetDouble());
    }

    [Fact]
    public async Task LambdaInvocations_WithoutLambdaService_ListsNone()
    {
        using var doc = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/_localcloud/lambda/invocations?limit=5", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal(0, doc.RootElement.GetProperty("invocations").GetArrayLength());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("many")]
    public async Task LambdaInvocations_BadLimit_Is400NamingIt(string limit)
    {
        using var response = await host.Http.GetAsync(new Uri($"/_localcloud/lambda/invocations?limit={limit}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"'{limit}'", doc.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithKnownTarget_ReachesItsServiceWithAccountAndRegionFromSignature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = Body("{}") };
        request.Headers.Add("X-Amz-Target", "JsonSvc_2020.DoThing");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=123456789012/20260101/eu-west-2/jsonsvc/aws4_request, SignedHeaders=host, Signature=abc");

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = host.Json.Requests.Last();
        Assert.Equal("123456789012", seen.Context.AccountId);
        Assert.Equal("eu-west-2", seen.Context.Region);
        Assert.Equal("JsonSvc_2020.DoThing", seen.Header("x-amz-target"));
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
    }

    [Fact]
    public async Task Request_WithNonNumericAccessKey_UsesDefaultAccount()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = Body("{}") };
        request.Headers.Add("X-Amz-Target", "JsonSvc_2020.DoThing");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-west-2/jsonsvc/aws4_request, SignedHeaders=host, Signature=abc");

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(RequestContext.DefaultAccountId, host.Json.Requests.Last().Context.AccountId);
        Assert.Equal("us-west-2", host.Json.Requests.Last().Context.Region);
    }

    [Fact]
    public async Task Request_WithUnknownTarget_AnswersUnknownOperationException()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = Body("{}") };
        request.Headers.Add("X-Amz-Target", "Nope_2020.DoThing");

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("UnknownOperationException", doc.RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task Request_ByPath_TakesLongestMatchingPrefix()
    {
        using var special = await host.Http.GetAsync(new Uri("/2015-03-31/things/special/x", UriKind.Relative), TestContext.Current.CancellationToken);
        using var plain = await host.Http.GetAsync(new Uri("/2015-03-31/things/other", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("special", await special.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("restsvc", await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ToUnknownPath_AnswersRestJsonError()
    {
        using var response = await host.Http.GetAsync(new Uri("/nothing/here", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Request_WhenServiceThrowsUnexpectedly_AnswersInternalFailureInAwsShape()
    {
        var rest = new RecordingEndpoint("boom", ["Boom_1"], []) { Throw = new InvalidOperationException("bug") };
        await using var server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.None }, _ => new ServiceSet(new(), [rest]), TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = Body("{}") };
        request.Headers.Add("X-Amz-Target", "Boom_1.Op");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("InternalFailure", doc.RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task Request_WithBodyOverLimit_IsRefusedBeforeReachingService()
    {
        var before = host.Json.Requests.Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = Body(new string('x', 4096)) };
        request.Headers.Add("X-Amz-Target", "JsonSvc_2020.DoThing");

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, host.Json.Requests.Count);
    }
}
