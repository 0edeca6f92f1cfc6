using System.Net;
using System.Text;
using Aws.Clients.Lambda;
using Aws.Clients.Tests.Support;

namespace Aws.Clients.Tests.Lambda;

public sealed class LambdaClientTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:000000000000:function:worker";
    private readonly TestClients clients = new();

    private LambdaClient Client() => new(clients.Config());

    [Fact]
    public async Task CreateFunctionAsync_ZipCode_PostsPascalCaseBodyWithBase64Zip()
    {
        clients.Handler.Respond(HttpStatusCode.Created, $$"""{"FunctionName":"worker","FunctionArn":"{{FunctionArn}}","State":"Pending","Timeout":30,"CodeSize":3}""");
        var zip = new byte[] { 0x50, 0x4b, 0x03 };

        var response = await Client().CreateFunctionAsync(
            new CreateFunctionRequest
            {
                FunctionName = "worker",
                Role = "arn:aws:iam::000000000000:role/lambda",
                Code = new FunctionCode { ZipFile = zip },
                Runtime = "dotnet8",
                Handler = "Worker::Worker.Function::Handle",
                Timeout = 30,
                MemorySize = 256,
                Environment = new FunctionEnvironment { Variables = new Dictionary<string, string> { ["TABLE"] = "jobs" } },
                Architectures = ["x86_64"],
            },
            TestContext.Current.CancellationToken);

        var sent = clients.Handler.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/2015-03-31/functions", sent.Uri.AbsolutePath);
        Assert.Equal("application/json", sent.Header("Content-Type"));
        Assert.Null(sent.Header("X-Amz-Target"));
        var body = sent.Json();
        Assert.Equal(Convert.ToBase64String(zip), body.GetProperty("Code").GetProperty("ZipFile").GetString());
        Assert.False(body.GetProperty("Code").TryGetProperty("S3Bucket", out _));
        Assert.Equal("dotnet8", body.GetProperty("Runtime").GetString());
        Assert.Equal(256, body.GetProperty("MemorySize").GetInt32());
        Assert.Equal("jobs", body.GetProperty("Environment").GetProperty("Variables").GetProperty("TABLE").GetString());
        Assert.Equal("x86_64", body.GetProperty("Architectures")[0].GetString());
        TestClients.AssertValidSignature(sent, "lambda");
        Assert.Equal(FunctionArn, response.FunctionArn);
        Assert.Equal("Pending", response.State);
        Assert.Equal(3L, response.CodeSize);
    }

    [Fact]
    public async Task InvokeAsync_ArnWithQualifierAndHeaders_EncodesLabelAndMapsResponseHeaders()
    {
        clients.Handler.RespondBytes(
            HttpStatusCode.OK,
            Encoding.UTF8.GetBytes("""{"result":42}"""),
            ("X-Amz-Executed-Version", "7"), ("X-Amz-Log-Result", "bG9n"));
        var payload = Encoding.UTF8.GetBytes("""{"job":"a"}""");

        var response = await Client().InvokeAsync(
            new InvokeRequest { FunctionName = FunctionArn, Payload = payload, LogType = "Tail", Qualifier = "live", ClientContext = "e30=" },
            TestContext.Current.CancellationToken);

        var sent = clients.Handler.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aworker/invocations", sent.Uri.AbsolutePath);
        Assert.Equal("?Qualifier=live", sent.Uri.Query);
        Assert.Equal("RequestResponse", sent.Header("X-Amz-Invocation-Type"));
        Assert.Equal("Tail", sent.Header("X-Amz-Log-Type"));
        Assert.Equal("e30=", sent.Header("X-Amz-Client-Context"));
        Assert.Equal(payload, sent.Body);
        TestClients.AssertValidSignature(sent, "lambda");
        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.FunctionError);
        Assert.Equal("bG9n", response.LogResult);
        Assert.Equal("7", response.ExecutedVersion);
        Assert.Equal("""{"result":42}""", Encoding.UTF8.GetString(response.Payload));
    }

    [Fact]
    public async Task InvokeAsync_FunctionError_ReturnsErrorInsteadOfThrowing()
    {
        clients.Handler.Respond(HttpStatusCode.OK, """{"errorMessage":"boom","errorType":"Exception"}""", ("X-Amz-Function-Error", "Unhandled"));

        var response = await Client().InvokeAsync(new InvokeRequest { FunctionName = "worker" }, TestContext.Current.CancellationToken);

        Assert.Equal("Unhandled", response.FunctionError);
        Assert.Contains("boom", Encoding.UTF8.GetString(response.Payload), StringComparison.Ordinal);
        Assert.Empty(clients.Handler.Single().Body);
    }

    [Fact]
    public async Task InvokeAsync_EventInvocation_Returns202WithEmptyPayload()
    {
        clients.Handler.Respond(HttpStatusCode.Accepted);

        var response = await Client().InvokeAsync(new InvokeRequest { FunctionName = "worker", InvocationType = "Event", Payload = "{}"u8.ToArray() }, TestContext.Current.CancellationToken);

        Assert.Equal("Event", clients.Handler.Single().Header("X-Amz-Invocation-Type"));
        Assert.Equal(202, response.StatusCode);
        Assert.Empty(response.Payload);
    }

    [Fact]
    public async Task GetFunctionAsync_NotFound_MapsRestJsonErrorTypeHeader()
    {
        clients.Handler.Respond(
            HttpStatusCode.NotFound,
            """{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope"}""",
            ("x-amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/"),
            ("x-amzn-RequestId", "rid"));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => Client().GetFunctionAsync(new GetFunctionRequest { FunctionName = "nope" }, TestContext.Current.CancellationToken));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("rid", error.RequestId);
        Assert.StartsWith("Function not found", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpMethod.Get, clients.Handler.Single().Method);
        Assert.Equal("/2015-03-31/functions/nope", clients.Handler.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task GetFunctionAsync_Found_ParsesConfigurationAndCode()
    {
        clients.Handler.Respond(HttpStatusCode.OK, """
            {"Configuration":{"FunctionName":"worker","Runtime":"dotnet8","Environment":{"Variables":{"A":"1"}},"LastModified":"2024-01-01T00:00:00.000+0000"},
             "Code":{"RepositoryType":"S3","Location":"http://x"},"Tags":{"team":"jobs"}}
            """);

        var response = await Client().GetFunctionAsync(new GetFunctionRequest { FunctionName = "worker", Qualifier = "$LATEST" }, TestContext.Current.CancellationToken);

        Assert.Equal("?Qualifier=%24LATEST", clients.Handler.Single().Uri.Query);
        Assert.Equal("1", response.Configuration!.Environment!.Variables!["A"]);
        Assert.Equal("2024-01-01T00:00:00.000+0000", response.Configuration.LastModified);
        Assert.Equal("S3", response.Code!.RepositoryType);
        Assert.Equal("jobs", response.Tags!["team"]);
        TestClients.AssertValidSignature(clients.Handler.Single(), "lambda");
    }

    [Fact]
    public async Task ListFunctionsAllAsync_TwoPages_FollowsNextMarker()
    {
        clients.Handler
            .Respond(HttpStatusCode.OK, """{"Functions":[{"FunctionName":"a"}],"NextMarker":"m 2"}""")
            .Respond(HttpStatusCode.OK, """{"Functions":[{"FunctionName":"b"}]}""");

        var functions = await Client().ListFunctionsAllAsync(new ListFunctionsRequest { MaxItems = 1 }, TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], functions.Select(f => f.FunctionName));
        Assert.Equal("?MaxItems=1", clients.Handler.Requests[0].Uri.Query);
        Assert.Equal("?Marker=m%202&MaxItems=1", clients.Handler.Requests[1].Uri.Query);
        Assert.All(clients.Handler.Requests, r => Assert.Equal("/2015-03-31/functions", r.Uri.AbsolutePath));
        TestClients.AssertValidSignature(clients.Handler.Requests[1], "lambda");
    }

    [Fact]
    public async Task DeleteFunctionAsync_NoContent_ReturnsStatusCode()
    {
        clients.Handler.Respond(HttpStatusCode.NoContent);

        var response = await Client().DeleteFunctionAsync(new DeleteFunctionRequest { FunctionName = "worker" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpMethod.Delete, clients.Handler.Single().Method);
        Assert.Equal("/2015-03-31/functions/worker", clients.Handler.Single().Uri.AbsolutePath);
        Assert.Empty(clients.Handler.Single().Body);
        Assert.Equal(204, response.StatusCode);
    }

    [Fact]
    public async Task UpdateFunctionCodeAndConfiguration_Requests_PutToSubresourcesWithoutNameInBody()
    {
        clients.Handler.Respond(HttpStatusCode.OK, """{"FunctionName":"worker","LastUpdateStatus":"InProgress"}""");
        var client = Client();
        var ct = TestContext.Current.CancellationToken;

        var code = await client.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = "worker", ZipFile = [1, 2] }, ct);
        var config = await client.UpdateFunctionConfigurationAsync(new UpdateFunctionConfigurationRequest { FunctionName = "worker", Timeout = 60 }, ct);

        Assert.Equal(["/2015-03-31/functions/worker/code", "/2015-03-31/functions/worker/configuration"], clients.Handler.Requests.Select(r => r.Uri.AbsolutePath));
        Assert.All(clients.Handler.Requests, r => Assert.Equal(HttpMethod.Put, r.Method));
        Assert.Equal("""{"ZipFile":"AQI="}""", clients.Handler.Requests[0].BodyText);
        Assert.Equal("""{"Timeout":60}""", clients.Handler.Requests[1].BodyText);
        Assert.Equal("InProgress", code.LastUpdateStatus);
        Assert.Equal("worker", config.FunctionName);
    }
}
