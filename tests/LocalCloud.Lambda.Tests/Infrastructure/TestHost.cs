using System.Collections.Concurrent;
using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.Core.Usage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Lambda.Tests.Infrastructure;

/// <summary>
/// A LambdaService served on a loopback Kestrel, because workers reach the Runtime API over HTTP. Every request
/// is handed to LambdaService.HandleAsync unchanged, except POST /_test/signal, which test functions call
/// (through AWS_ENDPOINT_URL) so a test can await a background effect.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _signals = new();
    private readonly ConcurrentDictionary<string, int> _signalCounts = new();
    private Uri? _baseUrl;

    private readonly bool _ownsDataDirectory;

    private TestHost(WebApplication app, LambdaService service, UsageMeter usage, string dataDirectory, bool ownsDataDirectory)
    {
        _app = app;
        Service = service;
        Usage = usage;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public LambdaService Service { get; }

    public UsageMeter Usage { get; }

    public string DataDirectory { get; }

    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The host has not started.");

    /// <param name="durable">With a durable store (and a <paramref name="dataDirectory"/> the caller keeps), a later host
    /// over the same two is the same LocalCloud restarted.</param>
    public static async Task<TestHost> StartAsync(TimeProvider? time = null, Action<LambdaOptions>? configure = null, IDurableStore? durable = null, string? dataDirectory = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var usage = new UsageMeter();
        var data = dataDirectory ?? NewDataDirectory();
        TestHost? host = null;
        var options = new LambdaOptions
        {
            RuntimeApiBaseUrl = () => host!.BaseUrl,
            AwsEndpointUrl = () => host!.BaseUrl,
            DataDirectory = data,
        };
        configure?.Invoke(options);
        host = new TestHost(app, new LambdaService(options, time ?? TimeProvider.System, usage, durable: durable), usage, data, ownsDataDirectory: dataDirectory is null);
        app.Run(host.ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("No server.");
        host._baseUrl = new Uri(address);
        return host;
    }

    /// <summary>A fresh folder name for function code; whoever asks for it deletes it.</summary>
    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "localcloud-lambda-test-data-" + Guid.NewGuid().ToString("N"));

    /// <summary>Completes when a test function posts to /_test/signal with this payload text.</summary>
    public Task<string> SignalAsync(string key) => _signals.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>How many times a test function has posted this payload text (once per attempt of a retried event).</summary>
    public int SignalCount(string key) => _signalCounts.GetValueOrDefault(key);

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDataDirectory && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private async Task ServeAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (http.Request.Path.StartsWithSegments("/_test/signal"))
        {
            var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            _signalCounts.AddOrUpdate(text, 1, (_, count) => count + 1);
            _signals.GetOrAdd(text, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(text);
            http.Response.StatusCode = 204;
            return;
        }
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var request = new ServiceRequest(http.Request.Method, http.Request.Path.Value ?? "/", query, headers, buffer.ToArray(), RequestContext.Default());
        var response = await Service.HandleAsync(request, http.RequestAborted);
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }
}
