using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.Core.Ports;
using LocalCloud.Lambda.Tests.Infrastructure;
using static LocalCloud.Lambda.Tests.ControlPlaneTests;

namespace LocalCloud.Lambda.Tests;

/// <summary>PublishVersion, ListVersionsByFunction, the alias operations and qualified names, through the API.</summary>
public sealed class VersionsAndAliasesTests(LambdaFixture fixture)
{
    private readonly LambdaApi _api = fixture.Api;

    [Fact]
    public async Task PublishedVersion_KeepsItsConfigurationAndCode_AfterLatestIsUpdated()
    {
        var name = LambdaFixture.UniqueName("ver");
        await _api.CreateFunctionAsync(name, "Env", fixture.Zip, variables: new() { ["STAGE"] = "one" });

        var published = await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions", new { Description = "first" });
        await Update(name, new { Environment = new { Variables = new Dictionary<string, string> { ["STAGE"] = "two" } } });
        var code = await _api.SendAsync("PUT", $"/2015-03-31/functions/{name}/code", new { ZipFile = fixture.Zip });
        await _api.SettledAsync(name);
        var one = await _api.InvokeAsync(name + ":1", "{}");
        var latest = await _api.InvokeAsync(name, "{}");

        Assert.Equal(201, published.Status);
        var configuration = LambdaApi.Json(published);
        Assert.Equal("1", configuration.GetProperty("Version").GetString());
        Assert.EndsWith($"function:{name}:1", configuration.GetProperty("FunctionArn").GetString(), StringComparison.Ordinal);
        Assert.Equal("first", configuration.GetProperty("Description").GetString());
        Assert.Equal(200, code.Status);
        Assert.Equal("1", one.Headers["X-Amz-Executed-Version"]);
        Assert.Equal("one", LambdaApi.Json(one).GetProperty("STAGE").GetString());
        Assert.Equal("1", LambdaApi.Json(one).GetProperty("AWS_LAMBDA_FUNCTION_VERSION").GetString());
        Assert.Equal("$LATEST", latest.Headers["X-Amz-Executed-Version"]);
        Assert.Equal("two", LambdaApi.Json(latest).GetProperty("STAGE").GetString());
    }

    [Fact]
    public async Task PublishVersion_NothingChanged_AnswersTheLastVersion_AndNumbersGrow()
    {
        var name = LambdaFixture.UniqueName("vnum");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var first = LambdaApi.Json(await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions"));
        var again = LambdaApi.Json(await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions"));
        await Update(name, new { Description = "changed" });
        var second = LambdaApi.Json(await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions"));
        var list = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/versions"));
        var page = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/versions", query: new Dictionary<string, string> { ["MaxItems"] = "2" }));

        Assert.Equal("1", first.GetProperty("Version").GetString());
        Assert.Equal("1", again.GetProperty("Version").GetString());
        Assert.Equal("2", second.GetProperty("Version").GetString());
        Assert.Equal(["$LATEST", "1", "2"], list.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
        Assert.Equal(2, page.GetProperty("Versions").GetArrayLength());
        var rest = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/versions", query: new Dictionary<string, string> { ["Marker"] = page.GetProperty("NextMarker").GetString()! }));
        Assert.Equal(["2"], rest.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
    }

    [Fact]
    public async Task PublishVersion_Preconditions_AnswerAwsErrors()
    {
        var name = LambdaFixture.UniqueName("vpre");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var sha = await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions", new { CodeSha256 = "nope" });
        var revision = await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions", new { RevisionId = "stale" });
        var missing = await _api.SendAsync("POST", "/2015-03-31/functions/no-such-fn/versions");

        AssertError(sha, 400, "InvalidParameterValueException", "CodeSHA256 (nope) is different from current CodeSHA256 in $LATEST");
        AssertError(revision, 412, "PreconditionFailedException", "Revision Id provided does not match");
        AssertError(missing, 404, "ResourceNotFoundException", "function:no-such-fn");
    }

    [Fact]
    public async Task Alias_Lifecycle_RoutesInvocationsToItsVersion()
    {
        var name = LambdaFixture.UniqueName("alias");
        await _api.CreateFunctionAsync(name, "Env", fixture.Zip, variables: new() { ["STAGE"] = "one" });
        await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions");
        await Update(name, new { Environment = new { Variables = new Dictionary<string, string> { ["STAGE"] = "two" } } });
        await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions");

        var created = await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/aliases", new { Name = "live", FunctionVersion = "1", Description = "prod" });
        var viaAlias = await _api.InvokeAsync(name + ":live", "{}");
        var configuration = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/configuration", query: new Dictionary<string, string> { ["Qualifier"] = "live" }));
        var revision = LambdaApi.Json(created).GetProperty("RevisionId").GetString();
        var shifted = await _api.SendAsync("PUT", $"/2015-03-31/functions/{name}/aliases/live", new { RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["2"] = 1.0 } }, RevisionId = revision });
        var routed = await _api.InvokeAsync(name + ":live", "{}");
        var stale = await _api.SendAsync("PUT", $"/2015-03-31/functions/{name}/aliases/live", new { Description = "x", RevisionId = revision });
        var listed = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/aliases", query: new Dictionary<string, string> { ["FunctionVersion"] = "1" }));
        var deleted = await _api.SendAsync("DELETE", $"/2015-03-31/functions/{name}/aliases/live");
        var gone = await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/aliases/live");
        var deletedAgain = await _api.SendAsync("DELETE", $"/2015-03-31/functions/{name}/aliases/live");

        Assert.Equal(201, created.Status);
        var alias = LambdaApi.Json(created);
        Assert.EndsWith($"function:{name}:live", alias.GetProperty("AliasArn").GetString(), StringComparison.Ordinal);
        Assert.Equal("1", alias.GetProperty("FunctionVersion").GetString());
        Assert.Equal("1", viaAlias.Headers["X-Amz-Executed-Version"]);
        Assert.Equal("one", LambdaApi.Json(viaAlias).GetProperty("STAGE").GetString());
        Assert.Equal("1", configuration.GetProperty("Version").GetString());
        Assert.EndsWith($"function:{name}:live", configuration.GetProperty("FunctionArn").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, shifted.Status);
        Assert.Equal(1.0, LambdaApi.Json(shifted).GetProperty("RoutingConfig").GetProperty("AdditionalVersionWeights").GetProperty("2").GetDouble());
        Assert.Equal("2", routed.Headers["X-Amz-Executed-Version"]);
        Assert.Equal("two", LambdaApi.Json(routed).GetProperty("STAGE").GetString());
        AssertError(stale, 412, "PreconditionFailedException", "Revision Id");
        Assert.Equal(["live"], listed.GetProperty("Aliases").EnumerateArray().Select(a => a.GetProperty("Name").GetString()));
        Assert.Equal(204, deleted.Status);
        Assert.Equal(204, deletedAgain.Status);
        AssertError(gone, 404, "ResourceNotFoundException", $"Cannot find alias arn: arn:aws:lambda:us-east-1:000000000000:function:{name}:live");
    }

    [Fact]
    public async Task Alias_BadInput_AnswersAwsErrors()
    {
        var name = LambdaFixture.UniqueName("abad");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions");
        await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/aliases", new { Name = "live", FunctionVersion = "1" });

        var duplicate = await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/aliases", new { Name = "live", FunctionVersion = "1" });
        var digits = await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/aliases", new { Name = "123", FunctionVersion = "1" });
        var noVersion = await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/aliases", new { Name = "beta", FunctionVersion = "9" });
        var latestRouting = await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/aliases", new { Name = "beta", FunctionVersion = "$LATEST", RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["1"] = 0.5 } } });
        var weight = await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/aliases", new { Name = "beta", FunctionVersion = "1", RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["1"] = 1.5 } } });
        var referenced = await _api.SendAsync("DELETE", $"/2015-03-31/functions/{name}", query: new Dictionary<string, string> { ["Qualifier"] = "1" });
        var latest = await _api.SendAsync("DELETE", $"/2015-03-31/functions/{name}", query: new Dictionary<string, string> { ["Qualifier"] = "$LATEST" });
        var unknownVersion = await _api.InvokeAsync(name + ":7", "{}");
        var unknownAlias = await _api.InvokeAsync(name + ":nope", "{}");

        AssertError(duplicate, 409, "ResourceConflictException", $"Alias already exists: arn:aws:lambda:us-east-1:000000000000:function:{name}:live");
        AssertError(digits, 400, "ValidationException", "at 'name'");
        AssertError(noVersion, 404, "ResourceNotFoundException", $"function:{name}:9");
        AssertError(latestRouting, 400, "InvalidParameterValueException", "$LATEST is not supported for an alias pointing to more than 1 version");
        AssertError(weight, 400, "ValidationException", "routingConfig.additionalVersionWeights");
        AssertError(referenced, 409, "ResourceConflictException", "[live]");
        AssertError(latest, 400, "InvalidParameterValueException", "$LATEST version cannot be deleted");
        AssertError(unknownVersion, 404, "ResourceNotFoundException", $"Function not found: arn:aws:lambda:us-east-1:000000000000:function:{name}:7");
        AssertError(unknownAlias, 404, "ResourceNotFoundException", $"Cannot find alias arn: arn:aws:lambda:us-east-1:000000000000:function:{name}:nope");
    }

    [Fact]
    public async Task DeleteVersion_ThenFunction_RemovesEverything()
    {
        var name = LambdaFixture.UniqueName("vdel");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions");
        await Update(name, new { Description = "two" });
        await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions");
        await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/aliases", new { Name = "live", FunctionVersion = "2" });

        var deleteOne = await _api.SendAsync("DELETE", $"/2015-03-31/functions/{name}", query: new Dictionary<string, string> { ["Qualifier"] = "1" });
        var invokeOne = await _api.InvokeAsync(name + ":1", "{}");
        var deleteAll = await _api.SendAsync("DELETE", $"/2015-03-31/functions/{name}");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        var versions = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/versions"));
        var aliases = LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}/aliases"));

        Assert.Equal(204, deleteOne.Status);
        AssertError(invokeOne, 404, "ResourceNotFoundException", $"function:{name}:1");
        Assert.Equal(204, deleteAll.Status);
        Assert.Equal(1, versions.GetProperty("Versions").GetArrayLength());
        Assert.Equal(0, aliases.GetProperty("Aliases").GetArrayLength());
    }

    [Fact]
    public async Task InProcessInvoker_QualifiedArn_RunsThatVersion()
    {
        var name = LambdaFixture.UniqueName("vinproc");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/versions");
        await _api.SendAsync("POST", $"/2015-03-31/functions/{name}/aliases", new { Name = "prod", FunctionVersion = "1" });
        var context = new RequestContext(RequestContext.DefaultAccountId, RequestContext.DefaultRegion, "r");

        var result = await fixture.Host.Service.InvokeAsync(new LambdaInvokeRequest($"arn:aws:lambda:us-east-1:000000000000:function:{name}:prod", """{"a":1}"""u8.ToArray()), context, TestContext.Current.CancellationToken);

        Assert.Equal("1", result.ExecutedVersion);
        Assert.Equal("""{"a":1}""", System.Text.Encoding.UTF8.GetString(result.Payload.Span));
    }

    private async Task Update(string name, object configuration)
    {
        var response = await _api.SendAsync("PUT", $"/2015-03-31/functions/{name}/configuration", configuration);
        Assert.True(response.Status == 200, response.BodyText);
        await _api.SettledAsync(name);
    }
}
