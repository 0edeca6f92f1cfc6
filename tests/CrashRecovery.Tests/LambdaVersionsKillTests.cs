using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace CrashRecovery.Tests;

/// <summary>
/// #14's Lambda versions and aliases with --data, across a real SIGKILL: a published version still runs its own
/// configuration and code, an alias still points at it, and version numbers are never reused; a version published by
/// CreateFunction's <c>Publish: true</c> (the same stores as PublishVersion's) survives too.
/// </summary>
public sealed class LambdaVersionsKillTests : IAsyncLifetime
{
    private const string Name = "kill-versions";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "localcloud-versions-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = LocalCloudProcess.FreePort();
    private LocalCloudProcess? _cloud;

    [Fact]
    public async Task KillNine_VersionsAndAliases_Survive()
    {
        var ct = TestContext.Current.CancellationToken;
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);
        await SendAsync("POST", "/2015-03-31/functions", new
        {
            FunctionName = Name,
            Runtime = "provided.al2023",
            Role = "arn:aws:iam::000000000000:role/r",
            Handler = "stage",
            Code = new { ZipFile = StageZip() },
            Environment = new { Variables = new Dictionary<string, string> { ["STAGE"] = "one" } },
        }, ct);
        await SettledAsync(ct);
        await SendAsync("POST", $"/2015-03-31/functions/{Name}/versions", new { }, ct);
        await SendAsync("PUT", $"/2015-03-31/functions/{Name}/configuration", new { Environment = new { Variables = new Dictionary<string, string> { ["STAGE"] = "two" } } }, ct);
        await SettledAsync(ct);
        await SendAsync("POST", $"/2015-03-31/functions/{Name}/versions", new { }, ct);
        await SendAsync("POST", $"/2015-03-31/functions/{Name}/aliases", new { Name = "live", FunctionVersion = "1", Description = "prod" }, ct);
        await SendAsync("DELETE", $"/2015-03-31/functions/{Name}?Qualifier=2", null, ct);

        await _cloud.KillAsync(ct);
        await _cloud.DisposeAsync();
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);

        var invoked = await SendAsync("POST", $"/2015-03-31/functions/{Name}:live/invocations", new { }, ct);
        var alias = await SendAsync("GET", $"/2015-03-31/functions/{Name}/aliases/live", null, ct);
        var versions = await SendAsync("GET", $"/2015-03-31/functions/{Name}/versions", null, ct);
        await SendAsync("PUT", $"/2015-03-31/functions/{Name}/configuration", new { Description = "after restart" }, ct);
        await SettledAsync(ct);
        var next = await SendAsync("POST", $"/2015-03-31/functions/{Name}/versions", new { }, ct);

        Assert.Equal("one", invoked.GetProperty("stage").GetString());
        Assert.Equal("1", invoked.GetProperty("version").GetString());
        Assert.Equal("1", alias.GetProperty("FunctionVersion").GetString());
        Assert.Equal("prod", alias.GetProperty("Description").GetString());
        Assert.Equal(["$LATEST", "1"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
        Assert.Equal("3", next.GetProperty("Version").GetString());
    }

    [Fact]
    public async Task KillNine_VersionPublishedByCreateFunction_Survives()
    {
        var ct = TestContext.Current.CancellationToken;
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);
        var created = await SendAsync("POST", "/2015-03-31/functions", new
        {
            FunctionName = Name + "-flag",
            Runtime = "provided.al2023",
            Role = "arn:aws:iam::000000000000:role/r",
            Handler = "stage",
            Code = new { ZipFile = StageZip() },
            Environment = new { Variables = new Dictionary<string, string> { ["STAGE"] = "one" } },
            Publish = true,
        }, ct);
        await SettledAsync(ct, Name + "-flag");

        await _cloud.KillAsync(ct);
        await _cloud.DisposeAsync();
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);

        var invoked = await SendAsync("POST", $"/2015-03-31/functions/{Name}-flag:1/invocations", new { }, ct);
        var versions = await SendAsync("GET", $"/2015-03-31/functions/{Name}-flag/versions", null, ct);
        var again = await SendAsync("POST", $"/2015-03-31/functions/{Name}-flag/versions", new { }, ct);

        Assert.Equal("1", created.GetProperty("Version").GetString());
        Assert.Equal("one", invoked.GetProperty("stage").GetString());
        Assert.Equal("1", invoked.GetProperty("version").GetString());
        Assert.Equal(["$LATEST", "1"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
        // Nothing changed since the publish: the same version, not a second one, after the restart too.
        Assert.Equal("1", again.GetProperty("Version").GetString());
    }

    /// <summary>The process signals nothing to this test, so it asks until the function is Active and its last update done.</summary>
    private async Task SettledAsync(CancellationToken ct, string name = Name)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var configuration = await SendAsync("GET", $"/2015-03-31/functions/{name}/configuration", null, ct);
            if ((configuration.GetProperty("State").GetString() == "Active" && configuration.GetProperty("LastUpdateStatus").GetString() == "Successful") || DateTime.UtcNow > deadline)
            {
                return;
            }
            await Task.Delay(50, ct);
        }
    }

    private Task<JsonElement> SendAsync(string method, string path, object? body, CancellationToken ct) => _cloud!.RestAsync(method, path, body, ct);

    /// <summary>A provided.al2023 function (Python bootstrap) answering its STAGE variable and the version running.</summary>
    private static byte[] StageZip()
    {
        const string bootstrap = """
            #!/usr/bin/env python3
            import json, os, urllib.request
            api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
            while True:
                with urllib.request.urlopen(api + "next") as r:
                    request_id = r.headers["Lambda-Runtime-Aws-Request-Id"]
                    r.read()
                body = json.dumps({"stage": os.environ.get("STAGE"), "version": os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")}).encode()
                urllib.request.urlopen(urllib.request.Request(api + request_id + "/response", data=body, method="POST")).read()
            """;
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("bootstrap");
            entry.ExternalAttributes = Convert.ToInt32("755", 8) << 16;
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write(bootstrap.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        return stream.ToArray();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
