using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

/// <summary>TagResource, UntagResource, ListTags (function ARNs) and GetAccountSettings.</summary>
public sealed class TagAndAccountTests(LambdaFixture fixture)
{
    private readonly LambdaApi _api = fixture.Api;

    [Fact]
    public async Task Tags_CreateTagUntagList_AsAws()
    {
        var name = LambdaFixture.UniqueName("tags");
        var created = await _api.CreateAsync(new { FunctionName = name, Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = fixture.Zip }, Tags = new Dictionary<string, string> { ["team"] = "core", ["stage"] = "dev" } });
        var arn = LambdaApi.Json(created).GetProperty("FunctionArn").GetString()!;
        var resource = $"/2017-03-31/tags/{Uri.EscapeDataString(arn)}";

        var tagged = await _api.SendAsync("POST", resource, new { Tags = new Dictionary<string, string> { ["stage"] = "prod", ["owner"] = "me" } });
        var untagged = await _api.SendAsync("DELETE", resource, query: new Dictionary<string, string> { ["tagKeys"] = "team,missing" });
        var listed = LambdaApi.Json(await _api.SendAsync("GET", resource)).GetProperty("Tags");
        var function = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}")).GetProperty("Tags");

        Assert.Equal((204, 204), (tagged.Status, untagged.Status));
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "me", ["stage"] = "prod" }, listed.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
        Assert.Equal("prod", function.GetProperty("stage").GetString());
        Assert.False(function.TryGetProperty("team", out _));
    }

    [Fact]
    public async Task TagResource_BadInput_ReturnsAwsErrors()
    {
        var name = LambdaFixture.UniqueName("tagbad");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        var arn = $"arn:aws:lambda:us-east-1:000000000000:function:{name}";

        var notArn = await _api.SendAsync("GET", $"/2017-03-31/tags/{name}");
        var missing = await _api.SendAsync("GET", $"/2017-03-31/tags/{Uri.EscapeDataString(arn + "-gone")}");
        var reserved = await _api.SendAsync("POST", $"/2017-03-31/tags/{Uri.EscapeDataString(arn)}", new { Tags = new Dictionary<string, string> { ["aws:owner"] = "x" } });
        var tooMany = await _api.SendAsync("POST", $"/2017-03-31/tags/{Uri.EscapeDataString(arn)}", new { Tags = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v") });

        ControlPlaneTests.AssertError(notArn, 400, "ValidationException", "at 'resource'");
        ControlPlaneTests.AssertError(missing, 404, "ResourceNotFoundException", "Function not found");
        ControlPlaneTests.AssertError(reserved, 400, "InvalidParameterValueException", "aws:");
        ControlPlaneTests.AssertError(tooMany, 400, "InvalidParameterValueException", "limit of 50");
    }

    [Fact]
    public async Task GetAccountSettings_ReportsAwsQuotasAndThisAccountsUsage()
    {
        var api = new LambdaApi(fixture.Host.Service, "333344445555");
        await api.CreateFunctionAsync(LambdaFixture.UniqueName("acct"), "Echo", fixture.Zip);

        var settings = LambdaApi.Json(await api.SendAsync("GET", "/2016-08-19/account-settings"));

        var limit = settings.GetProperty("AccountLimit");
        Assert.Equal(1000, limit.GetProperty("ConcurrentExecutions").GetInt32());
        Assert.Equal(1000, limit.GetProperty("UnreservedConcurrentExecutions").GetInt32());
        Assert.Equal(262_144_000, limit.GetProperty("CodeSizeUnzipped").GetInt64());
        Assert.Equal(52_428_800, limit.GetProperty("CodeSizeZipped").GetInt64());
        Assert.Equal(1, settings.GetProperty("AccountUsage").GetProperty("FunctionCount").GetInt64());
        Assert.Equal(fixture.Zip.Length, settings.GetProperty("AccountUsage").GetProperty("TotalCodeSize").GetInt64());
    }
}
