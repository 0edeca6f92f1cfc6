using LocalCloud.HostileInput.Tests.Fuzzing;
using LocalCloud.Testing;

namespace LocalCloud.HostileInput.Tests;

/// <summary>
/// Bodies over LocalCloudOptions.MaxRequestBodyBytes are refused with RequestEntityTooLargeException (413) before
/// they are read: each test sends only part of an oversized body and gets the answer without sending the rest.
/// </summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private const int Limit = 64 * 1024;
    private LocalCloudFixture _cloud = null!;

    public async ValueTask InitializeAsync()
        => _cloud = await LocalCloudFixture.StartAsync(LocalCloudFixture.DefaultOptions with { MaxRequestBodyBytes = Limit, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Critical });

    public ValueTask DisposeAsync() => _cloud.DisposeAsync();

    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST /", "DynamoDB_20120810.PutItem" },
        { "POST /", "AWSStepFunctions.StartExecution" },
        { "POST /2015-03-31/functions", string.Empty },
        { "POST /schedules/big", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task DeclaredLengthOverLimit_RefusedBeforeTheBodyIsSent(string route, string target)
    {
        var body = new byte[100 * 1024 * 1024];

        var response = await new HostileClient(_cloud.Endpoint).SendAsync(Request(route, target, body, chunked: false), TestContext.Current.CancellationToken, stopAfterBodyBytes: 16);

        AssertTooLarge(response);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task ChunkedOverLimit_RefusedAtTheLimitWithoutTheFinalChunk(string route, string target)
    {
        // No Content-Length to check up front: the host must stop reading at the limit, not buffer the stream.
        var body = new byte[Limit * 4];
        Array.Fill(body, (byte)'a');

        var response = await new HostileClient(_cloud.Endpoint).SendAsync(Request(route, target, body, chunked: true), TestContext.Current.CancellationToken, stopAfterBodyBytes: Limit + (16 * 1024));

        AssertTooLarge(response);
    }

    [Fact]
    public async Task ChunkedUnderLimit_ReachesTheService()
    {
        var body = "{\"TableName\":\"absent\"}"u8.ToArray();

        var response = await new HostileClient(_cloud.Endpoint).SendAsync(Request("POST /", "DynamoDB_20120810.DescribeTable", body, chunked: true), TestContext.Current.CancellationToken);

        Assert.Equal(400, response.Status);
        Assert.Equal("ResourceNotFoundException", Verdict.ErrorCode(response));
    }

    private static HostileRequest Request(string route, string target, byte[] body, bool chunked)
    {
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
        List<KeyValuePair<string, string>> headers = [new("Content-Type", target.Length > 0 ? "application/x-amz-json-1.0" : "application/json")];
        if (target.Length > 0)
        {
            headers.Add(new("X-Amz-Target", target));
        }
        return new HostileRequest(method, path, headers, body, "oversized") { Chunked = chunked };
    }

    private static void AssertTooLarge(HostileResponse response)
    {
        Assert.True(response.Status == 413, $"{response.Status} {response.Text}");
        Assert.Equal("RequestEntityTooLargeException", Verdict.ErrorCode(response));
    }
}
