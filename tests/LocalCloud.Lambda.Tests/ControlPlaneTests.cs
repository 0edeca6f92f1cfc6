using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

public sealed class ControlPlaneTests(LambdaFixture fixture)
{
    private readonly LambdaApi _api = fixture.Api;

    [Fact]
    public async Task CreateFunction_ValidZip_ReturnsConfigurationWithDefaults()
    {
        var name = LambdaFixture.UniqueName("create");

        var config = await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        Assert.Equal(name, config.GetProperty("FunctionName").GetString());
        Assert.Equal($"arn:aws:lambda:us-east-1:000000000000:function:{name}", config.GetProperty("FunctionArn").GetString());
        Assert.Equal("dotnet8", config.GetProperty("Runtime").GetString());
        Assert.Equal(LambdaApi.Role, config.GetProperty("Role").GetString());
        Assert.Equal(3, config.GetProperty("Timeout").GetInt32());
        Assert.Equal(128, config.GetProperty("MemorySize").GetInt32());
        Assert.Equal(fixture.Zip.Length, config.GetProperty("CodeSize").GetInt64());
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(fixture.Zip)), config.GetProperty("CodeSha256").GetString());
        Assert.Equal("$LATEST", config.GetProperty("Version").GetString());
        Assert.Equal("Pending", config.GetProperty("State").GetString());
        Assert.Equal("InProgress", config.GetProperty("LastUpdateStatus").GetString());
        Assert.Equal("Zip", config.GetProperty("PackageType").GetString());
        Assert.Equal("x86_64", config.GetProperty("Architectures")[0].GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$", config.GetProperty("LastModified").GetString());
    }

    [Fact]
    public async Task CreateFunction_NameTaken_ReturnsResourceConflict()
    {
        var name = LambdaFixture.UniqueName("dup");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var response = await _api.CreateAsync(new { FunctionName = name, Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = fixture.Zip } });

        AssertError(response, 409, "ResourceConflictException", $"Function already exist: {name}");
    }

    [Theory]
    [InlineData("java21", "The runtime parameter of java21 is not supported")]
    [InlineData("", "Runtime is required")]
    public async Task CreateFunction_UnsupportedRuntime_ReturnsInvalidParameterValue(string runtime, string message)
    {
        var response = await _api.CreateAsync(new { FunctionName = LambdaFixture.UniqueName("rt"), Runtime = runtime, Role = LambdaApi.Role, Handler = "x", Code = new { ZipFile = fixture.Zip } });

        AssertError(response, 400, "InvalidParameterValueException", message);
    }

    [Fact]
    public async Task CreateFunction_NotAZip_ReturnsInvalidParameterValue()
    {
        var response = await _api.CreateAsync(new { FunctionName = LambdaFixture.UniqueName("zip"), Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = "not a zip"u8.ToArray() } });

        AssertError(response, 400, "InvalidParameterValueException", "Could not unzip uploaded file. Please check your file, then try to upload again.");
    }

    [Fact]
    public async Task CreateFunction_ZipEntryEscapingTaskRoot_IsRejected()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("../escaped.txt").Open());
            writer.Write("x");
        }

        var response = await _api.CreateAsync(new { FunctionName = LambdaFixture.UniqueName("slip"), Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = buffer.ToArray() } });

        AssertError(response, 400, "InvalidParameterValueException", "Could not unzip");
    }

    [Theory]
    [InlineData("Functions::Echo")]
    [InlineData("TestFunction::::Echo")]
    public async Task CreateFunction_DotnetHandlerWithoutThreeParts_ReturnsInvalidParameterValue(string handler)
    {
        var response = await _api.CreateAsync(new { FunctionName = LambdaFixture.UniqueName("handler"), Runtime = "dotnet8", Role = LambdaApi.Role, Handler = handler, Code = new { ZipFile = fixture.Zip } });

        AssertError(response, 400, "InvalidParameterValueException", "Assembly::Namespace.Type::Method");
    }

    [Fact]
    public async Task CreateFunction_ConstraintViolations_ReturnValidationException()
    {
        var name = LambdaFixture.UniqueName("limits");
        var badTimeout = await _api.CreateAsync(new { FunctionName = name, Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Timeout = 901, Code = new { ZipFile = fixture.Zip } });
        var badRole = await _api.CreateAsync(new { FunctionName = name, Runtime = "dotnet8", Role = "not-a-role", Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = fixture.Zip } });
        var badName = await _api.CreateAsync(new { FunctionName = "has space", Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = fixture.Zip } });

        AssertError(badTimeout, 400, "ValidationException", "Member must have value between 1 and 900");
        AssertError(badRole, 400, "ValidationException", "at 'role'");
        AssertError(badName, 400, "ValidationException", "at 'functionName'");
    }

    [Fact]
    public async Task CreateFunction_ReservedEnvironmentVariable_ReturnsInvalidParameterValue()
    {
        var response = await _api.CreateAsync(new { FunctionName = LambdaFixture.UniqueName("env"), Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = fixture.Zip }, Environment = new { Variables = new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" } } });

        AssertError(response, 400, "InvalidParameterValueException", "Reserved keys used in this request: AWS_REGION");
    }

    [Fact]
    public async Task CreateFunction_MalformedJson_ReturnsInvalidRequestContent()
    {
        var response = await _api.SendAsync("POST", "/2015-03-31/functions", rawBody: "{not json"u8.ToArray());

        AssertError(response, 400, "InvalidRequestContentException", "Could not parse request body into json");
    }

    [Fact]
    public async Task GetFunction_ByNamePartialArnAndArn_ReturnsConfigurationAndCodeLocation()
    {
        var name = LambdaFixture.UniqueName("get");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip, variables: new() { ["GREETING"] = "hi" });

        foreach (var reference in new[] { name, $"000000000000:function:{name}", $"arn:aws:lambda:us-east-1:000000000000:function:{name}", $"{name}:$LATEST" })
        {
            var response = await _api.SendAsync("GET", $"/2015-03-31/functions/{Uri.EscapeDataString(reference)}");
            Assert.Equal(200, response.Status);
            var body = LambdaApi.Json(response);
            Assert.Equal(name, body.GetProperty("Configuration").GetProperty("FunctionName").GetString());
            Assert.Equal("hi", body.GetProperty("Configuration").GetProperty("Environment").GetProperty("Variables").GetProperty("GREETING").GetString());
            Assert.Equal("S3", body.GetProperty("Code").GetProperty("RepositoryType").GetString());
        }
    }

    [Fact]
    public async Task GetFunction_CodeLocation_ServesTheUploadedZip()
    {
        var name = LambdaFixture.UniqueName("code");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        var location = new Uri(LambdaApi.Json(await _api.SendAsync("GET", $"/2015-03-31/functions/{name}")).GetProperty("Code").GetProperty("Location").GetString()!);

        var download = await _api.SendAsync("GET", location.AbsolutePath);

        Assert.Equal(200, download.Status);
        Assert.Equal(fixture.Zip, download.Body.ToArray());
    }

    [Fact]
    public async Task GetFunctionConfiguration_UnknownFunction_ReturnsResourceNotFound()
    {
        var response = await _api.SendAsync("GET", "/2015-03-31/functions/does-not-exist/configuration");

        AssertError(response, 404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:000000000000:function:does-not-exist");
    }

    [Fact]
    public async Task GetFunction_OtherQualifier_ReturnsResourceNotFound()
    {
        var name = LambdaFixture.UniqueName("qual");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var response = await _api.SendAsync("GET", $"/2015-03-31/functions/{name}", query: new Dictionary<string, string> { ["Qualifier"] = "7" });

        AssertError(response, 404, "ResourceNotFoundException", $"function:{name}:7");
    }

    [Fact]
    public async Task ListFunctions_MoreThanMaxItems_PagesWithMarker()
    {
        // Its own account keeps the listing free of other tests' functions.
        var api = new LambdaApi(fixture.Host.Service, accountId: "111111111111");
        var names = Enumerable.Range(0, 5).Select(i => $"list-{i}").ToList();
        foreach (var name in names)
        {
            var created = await api.CreateAsync(new { FunctionName = name, Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = fixture.Zip } });
            Assert.Equal(201, created.Status);
        }

        var seen = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var query = new Dictionary<string, string> { ["MaxItems"] = "2" };
            if (marker is not null)
            {
                query["Marker"] = marker;
            }
            var page = LambdaApi.Json(await api.SendAsync("GET", "/2015-03-31/functions", query: query));
            seen.AddRange(page.GetProperty("Functions").EnumerateArray().Select(f => f.GetProperty("FunctionName").GetString()!));
            marker = page.TryGetProperty("NextMarker", out var next) ? next.GetString() : null;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(names, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListFunctions_BadMarker_ReturnsInvalidParameterValue()
    {
        var response = await _api.SendAsync("GET", "/2015-03-31/functions", query: new Dictionary<string, string> { ["Marker"] = "garbage" });

        AssertError(response, 400, "InvalidParameterValueException", "Invalid Marker");
    }

    [Fact]
    public async Task UpdateFunctionConfiguration_ChangesOnlyGivenMembers()
    {
        var name = LambdaFixture.UniqueName("updcfg");
        var created = await _api.CreateFunctionAsync(name, "Echo", fixture.Zip, variables: new() { ["ALPHA"] = "1" });

        var response = await _api.SendAsync("PUT", $"/2015-03-31/functions/{name}/configuration", new { Timeout = 30, MemorySize = 512 });

        Assert.Equal(200, response.Status);
        var config = LambdaApi.Json(response);
        Assert.Equal(30, config.GetProperty("Timeout").GetInt32());
        Assert.Equal(512, config.GetProperty("MemorySize").GetInt32());
        Assert.Equal("1", config.GetProperty("Environment").GetProperty("Variables").GetProperty("ALPHA").GetString());
        Assert.Equal(LambdaApi.Handler("Echo"), config.GetProperty("Handler").GetString());
        Assert.NotEqual(created.GetProperty("RevisionId").GetString(), config.GetProperty("RevisionId").GetString());
    }

    [Fact]
    public async Task UpdateFunctionConfiguration_StaleRevisionId_ReturnsPreconditionFailed()
    {
        var name = LambdaFixture.UniqueName("rev");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var response = await _api.SendAsync("PUT", $"/2015-03-31/functions/{name}/configuration", new { Timeout = 5, RevisionId = "stale" });

        AssertError(response, 412, "PreconditionFailedException", "Revision Id");
    }

    [Fact]
    public async Task UpdateFunctionCode_NewZip_ChangesShaAndSize()
    {
        var name = LambdaFixture.UniqueName("updcode");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);
        var other = ZipWith("bootstrap", "#!/bin/sh\n");

        var response = await _api.SendAsync("PUT", $"/2015-03-31/functions/{name}/code", new { ZipFile = other });

        Assert.Equal(200, response.Status);
        var config = LambdaApi.Json(response);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(other)), config.GetProperty("CodeSha256").GetString());
        Assert.Equal(other.Length, config.GetProperty("CodeSize").GetInt64());
    }

    [Fact]
    public async Task DeleteFunction_Existing_Returns204AndRemovesIt()
    {
        var name = LambdaFixture.UniqueName("del");
        await _api.CreateFunctionAsync(name, "Echo", fixture.Zip);

        var deleted = await _api.SendAsync("DELETE", $"/2015-03-31/functions/{name}");
        var again = await _api.SendAsync("DELETE", $"/2015-03-31/functions/{name}");
        var get = await _api.SendAsync("GET", $"/2015-03-31/functions/{name}");

        Assert.Equal(204, deleted.Status);
        AssertError(again, 404, "ResourceNotFoundException", name);
        AssertError(get, 404, "ResourceNotFoundException", name);
    }

    [Fact]
    public async Task NotImplementedOperation_ReturnsClearMessage()
    {
        var response = await _api.SendAsync("POST", "/2015-03-31/functions/x/policy");

        AssertError(response, 400, "UnknownOperationException", "AddPermission is not implemented");
    }

    [Fact]
    public void PathPrefixes_CoverLambdaApiAndRuntimeApi()
    {
        var prefixes = fixture.Host.Service.PathPrefixes;

        Assert.Contains("/2015-03-31/", prefixes);
        Assert.Contains("/_localcloud/lambda-runtime/", prefixes);
        Assert.Contains("/2017-03-31/", prefixes);
        Assert.Empty(fixture.Host.Service.TargetPrefixes);
        Assert.Equal("lambda", fixture.Host.Service.Name);
    }

    internal static byte[] ZipWith(string entryName, string content)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(entryName).Open());
            writer.Write(content);
        }
        return buffer.ToArray();
    }

    internal static void AssertError(LocalCloud.Core.ServiceResponse response, int status, string code, string messagePart)
    {
        Assert.True(response.Status == status, $"expected {status}, got {response.Status}: {response.BodyText}");
        Assert.Equal(code, response.Headers["x-amzn-ErrorType"]);
        var body = LambdaApi.Json(response);
        Assert.Equal("User", body.GetProperty("Type").GetString());
        Assert.Contains(messagePart, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
