using System.IO.Compression;
using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

/// <summary>
/// <c>Publish: true</c> on CreateFunction and UpdateFunctionCode publishes a version in the same call, and a <c>$LATEST</c>
/// qualifier answers a qualified ARN — both as LocalStack's provider does after its tests recorded against AWS
/// (test_lambda_api.py: test_publish_with_update, test_notfound_and_invalid_routingconfigs).
/// </summary>
public sealed class PublishFlagAndLatestQualifierTests(LambdaFixture fixture)
{
    private readonly LambdaApi _api = fixture.Api;

    /// <summary>The test package with one more entry: other code, so another CodeSha256.</summary>
    private byte[] OtherZip()
    {
        using var stream = new MemoryStream();
        stream.Write(fixture.Zip);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("marker.txt").Open());
            writer.Write("other code");
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task CreateFunction_Publish_AnswersVersionOne_AndThatVersionRuns()
    {
        var name = LambdaFixture.UniqueName("cpub");
        var created = await _api.CreateAsync(new
        {
            FunctionName = name, Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Env"), Code = new { ZipFile = fixture.Zip },
            Environment = new { Variables = new Dictionary<string, string> { ["STAGE"] = "one" } }, Publish = true,
        });
        await _api.SettledAsync(name);

        Assert.Equal(201, created.Status);
        var body = LambdaApi.Json(created);
        Assert.Equal("1", body.GetProperty("Version").GetString());
        Assert.EndsWith($"function:{name}", body.GetProperty("FunctionArn").GetString(), StringComparison.Ordinal);
        var versions = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/versions"));
        Assert.Equal(["$LATEST", "1"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
        var one = await _api.InvokeAsync(name + ":1", "{}");
        Assert.Equal("1", one.Headers["X-Amz-Executed-Version"]);
        Assert.Equal("one", LambdaApi.Json(one).GetProperty("STAGE").GetString());
        // Nothing changed since: PublishVersion answers version 1 again, as AWS does.
        var again = LambdaApi.Json(await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions"));
        Assert.Equal("1", again.GetProperty("Version").GetString());
    }

    [Fact]
    public async Task UpdateFunctionCode_Publish_AnswersTheNewVersion_WithTheNewCode()
    {
        var name = LambdaFixture.UniqueName("upub");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions");
        var other = OtherZip();

        var updated = await _api.SendAsync("PUT", $"/2015-03-31/functions/{name}/code", new { ZipFile = other, Publish = true });
        await _api.SettledAsync(name);

        Assert.Equal(200, updated.Status);
        var body = LambdaApi.Json(updated);
        Assert.Equal("2", body.GetProperty("Version").GetString());
        Assert.EndsWith($"function:{name}:2", body.GetProperty("FunctionArn").GetString(), StringComparison.Ordinal);
        var two = await _api.ConfigurationAsync(name + ":2");
        var one = await _api.ConfigurationAsync(name + ":1");
        var latest = await _api.ConfigurationAsync(name);
        Assert.Equal(latest.GetProperty("CodeSha256").GetString(), two.GetProperty("CodeSha256").GetString());
        Assert.NotEqual(one.GetProperty("CodeSha256").GetString(), two.GetProperty("CodeSha256").GetString());
        Assert.Equal(200, (await _api.InvokeAsync(name + ":2", "{}")).Status);
    }

    [Fact]
    public async Task UpdateFunctionCode_WithoutPublish_PublishesNothing()
    {
        var name = LambdaFixture.UniqueName("unopub");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var updated = LambdaApi.Json(await _api.SendAsync("PUT", $"/2015-03-31/functions/{name}/code", new { ZipFile = OtherZip(), Publish = false }));
        await _api.SettledAsync(name);

        Assert.Equal("$LATEST", updated.GetProperty("Version").GetString());
        var versions = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/versions"));
        Assert.Equal(["$LATEST"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
    }

    [Fact]
    public async Task GetFunction_LatestQualifier_AnswersTheQualifiedArn_WithoutItTheUnqualified()
    {
        var name = LambdaFixture.UniqueName("latestq");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        var query = new Dictionary<string, string> { ["Qualifier"] = "$LATEST" };

        var qualified = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}", query: query));
        var configuration = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/configuration", query: query));
        var inName = await _api.ConfigurationAsync(name + ":$LATEST");
        var plain = await _api.ConfigurationAsync(name);

        var arn = $"arn:aws:lambda:us-east-1:000000000000:function:{name}";
        Assert.Equal(arn + ":$LATEST", qualified.GetProperty("Configuration").GetProperty("FunctionArn").GetString());
        Assert.Equal("$LATEST", qualified.GetProperty("Configuration").GetProperty("Version").GetString());
        Assert.Equal(arn + ":$LATEST", configuration.GetProperty("FunctionArn").GetString());
        Assert.Equal(arn + ":$LATEST", inName.GetProperty("FunctionArn").GetString());
        Assert.Equal(arn, plain.GetProperty("FunctionArn").GetString());
    }
}
