using System.Net;
using System.Text;
using System.Text.Json;
using Aws.Clients;
using Aws.Clients.Lambda;
using Aws.Clients.StepFunctions;

namespace LocalCloud.HostileInput.Tests.Security;

/// <summary>--require-auth: signatures are re-derived from the received request; AWS's codes and messages on refusal.</summary>
public sealed class SigV4AuthTests(AuthFixture auth) : IClassFixture<AuthFixture>, IDisposable
{
    private static readonly AwsCredentials Good = new(AuthFixture.AccessKey, AuthFixture.Secret);
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Unsigned_AwsJsonRequest_MissingAuthenticationToken400()
    {
        using var response = await _http.SendAsync(SignedRequests.DynamoDb(auth.Cloud.Endpoint, "ListTables"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", await TypeAsync(response));
    }

    [Fact]
    public async Task Unsigned_RestJsonRequest_MissingAuthenticationToken403()
    {
        using var response = await _http.GetAsync(new Uri(auth.Cloud.Endpoint, "/2015-03-31/functions/"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Unsigned_HealthAndRuntimeApi_AreNotRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var health = await _http.GetAsync(new Uri(auth.Cloud.Endpoint, "/_localcloud/health"), ct);
        using var runtime = await _http.GetAsync(new Uri(auth.Cloud.Endpoint, "/_localcloud/lambda-runtime/no-such-worker/2018-06-01/runtime/invocation/next"), ct);
        using var usage = await _http.GetAsync(new Uri(auth.Cloud.Endpoint, "/_localcloud/usage"), ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(runtime.Headers.TryGetValues("x-amzn-ErrorType", out var code) && code.Single() == "MissingAuthenticationTokenException", "the Runtime API must stay unsigned");
        Assert.Equal(HttpStatusCode.Forbidden, usage.StatusCode);
    }

    [Fact]
    public async Task Signed_RightKey_Succeeds()
    {
        using var request = await SignedRequests.SignAsync(SignedRequests.DynamoDb(auth.Cloud.Endpoint, "ListTables"), Good, "dynamodb");
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Signed_WrongSecret_InvalidSignature()
    {
        using var request = await SignedRequests.SignAsync(SignedRequests.DynamoDb(auth.Cloud.Endpoint, "ListTables"), Good with { SecretAccessKey = "wrong" }, "dynamodb");
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await BodyAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidSignatureException", body.GetProperty("__type").GetString());
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_BodyChangedAfterSigning_InvalidSignature()
    {
        using var request = await SignedRequests.SignAsync(SignedRequests.DynamoDb(auth.Cloud.Endpoint, "DescribeTable", """{"TableName":"a"}"""), Good, "dynamodb");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"TableName":"b"}"""));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("InvalidSignatureException", await TypeAsync(response));
    }

    [Fact]
    public async Task Signed_UnknownAccessKey_UnrecognizedClient()
    {
        using var request = await SignedRequests.SignAsync(SignedRequests.DynamoDb(auth.Cloud.Endpoint, "ListTables"), new AwsCredentials("AKIDUNKNOWN", "x"), "dynamodb");
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("UnrecognizedClientException", await TypeAsync(response));
    }

    [Fact]
    public async Task Signed_WithTheOldFixedWorkerSecret_IsRefused()
    {
        // The worker credentials are minted per run under --require-auth; the published defaults must not work.
        var worker = new AwsCredentials("123456789012", "localcloud-test-secret", "localcloud-test-session");
        using var request = await SignedRequests.SignAsync(SignedRequests.DynamoDb(auth.Cloud.Endpoint, "ListTables"), worker, "dynamodb");
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("UnrecognizedClientException", await TypeAsync(response));
    }

    [Theory]
    [InlineData(-20, "Signature expired: ")]
    [InlineData(20, "Signature not yet current: ")]
    public async Task Signed_MoreThan15MinutesOff_InvalidSignatureWithAwsMessage(int minutes, string prefix)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(minutes);
        using var request = await SignedRequests.SignAsync(SignedRequests.DynamoDb(auth.Cloud.Endpoint, "ListTables"), Good, "dynamodb", at);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await BodyAsync(response);

        Assert.Equal("InvalidSignatureException", body.GetProperty("__type").GetString());
        Assert.StartsWith(prefix + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date")]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test, SignedHeaders=host, Signature=00")]
    [InlineData("AWS3 Credential=test/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00")]
    [InlineData("Bearer abc")]
    public async Task MalformedAuthorization_IncompleteSignature(string authorization)
    {
        using var request = SignedRequests.DynamoDb(auth.Cloud.Endpoint, "ListTables");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await BodyAsync(response);

        Assert.Equal("IncompleteSignature", body.GetProperty("__type").GetString());
        Assert.DoesNotContain("Signature=00", body.GetProperty("message").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OurClients_RightKeySucceeds_WrongSecretFails()
    {
        var ct = TestContext.Current.CancellationToken;
        AwsClientConfig Config(string secret) => new()
        {
            ServiceUrl = auth.Cloud.Endpoint.ToString(),
            Region = "us-east-1",
            Credentials = new AwsCredentials(AuthFixture.AccessKey, secret),
            MaxRetries = 0,
        };

        var machines = await new StepFunctionsClient(Config(AuthFixture.Secret)).ListStateMachinesAsync(new ListStateMachinesRequest(), ct);
        var functions = await new LambdaClient(Config(AuthFixture.Secret)).ListFunctionsAsync(new ListFunctionsRequest(), ct);
        var sfnError = await Assert.ThrowsAsync<AwsApiException>(() => new StepFunctionsClient(Config("wrong")).ListStateMachinesAsync(new ListStateMachinesRequest(), ct));
        var lambdaError = await Assert.ThrowsAsync<AwsApiException>(() => new LambdaClient(Config("wrong")).ListFunctionsAsync(new ListFunctionsRequest(), ct));

        Assert.NotNull(machines.StateMachines);
        Assert.NotNull(functions.Functions);
        Assert.Equal("InvalidSignatureException", sfnError.ErrorCode);
        Assert.Equal("InvalidSignatureException", lambdaError.ErrorCode);
        Assert.Equal(403, lambdaError.StatusCode);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    private static async Task<string?> TypeAsync(HttpResponseMessage response) => (await BodyAsync(response)).GetProperty("__type").GetString();
}
