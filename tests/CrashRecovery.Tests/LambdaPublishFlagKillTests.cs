using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace CrashRecovery.Tests;

/// <summary>
/// #14's <c>Publish: true</c> on CreateFunction with --data, across a real SIGKILL: the version it published (the same
/// stores as PublishVersion's) still runs, and publishing again without a change still answers it.
/// </summary>
public sealed class LambdaPublishFlagKillTests : IAsyncLifetime
{
    private const string Name = "kill-publish";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "localcloud-publish-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = LocalCloudProcess.FreePort();
    private readonly HttpClient _http = new();
    private LocalCloudProcess? _cloud;

    [Fact]
    public async Task KillNine_VersionPublishedByCreateFunction_Survives()
    {
        var ct = TestContext.Current.CancellationToken;
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);
        var created = await SendAsync("POST", "/2015-03-31/functions", new
        {
            FunctionName = Name,
            Runtime = "provided.al2023",
            Role = "arn:aws:iam::000000000000:role/r",
            Handler = "stage",
            Code = new { ZipFile = StageZip() },
            Environment = new { Variables = new Dictionary<string, string> { ["STAGE"] = "one" } },
            Publish = true,
        }, ct);
        await SettledAsync(ct);

        await _cloud.KillAsync(ct);
        await _cloud.DisposeAsync();
        _cloud = await LocalCloudProcess.StartAsync(_port, _data, 1.0, ct);

        var invoked = await SendAsync("POST", $"/2015-03-31/functions/{Name}:1/invocations", new { }, ct);
        var versions = await SendAsync("GET", $"/2015-03-31/functions/{Name}/versions", null, ct);
        var again = await SendAsync("POST", $"/2015-03-31/functions/{Name}/versions", new { }, ct);

        Assert.Equal("1", created.GetProperty("Version").GetString());
        Assert.Equal("one", invoked.GetProperty("stage").GetString());
        Assert.Equal("1", invoked.GetProperty("version").GetString());
        Assert.Equal(["$LATEST", "1"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
        // Nothing changed since the publish: the same version, not a second one, after the restart too.
        Assert.Equal("1", again.GetProperty("Version").GetString());
    }

    /// <summary>The process signals nothing to this test, so it asks until the function is Active and its last update done.</summary>
    private async Task SettledAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var configuration = await SendAsync("GET", $"/2015-03-31/functions/{Name}/configuration", null, ct);
            if ((configuration.GetProperty("State").GetString() == "Active" && configuration.GetProperty("LastUpdateStatus").GetString() == "Successful") || DateTime.UtcNow > deadline)
            {
                return;
            }
            await Task.Delay(50, ct);
        }
    }

    private async Task<JsonElement> SendAsync(string method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_cloud!.BaseUrl, path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }
        using var response = await _http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

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
        _http.Dispose();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
