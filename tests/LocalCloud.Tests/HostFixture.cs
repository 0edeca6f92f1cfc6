using LocalCloud.Core.Usage;

namespace LocalCloud.Tests;

/// <summary>One LocalCloud host on a free port with recording services in place of the real ones.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    internal RecordingEndpoint Json { get; } = new("jsonsvc", ["JsonSvc_2020"], []);
    internal RecordingEndpoint Rest { get; } = new("restsvc", [], ["/2015-03-31/things"]);
    internal RecordingEndpoint Special { get; } = new("special", [], ["/2015-03-31/things/special"]);
    public LocalCloudServer Server { get; private set; } = null!;
    public HttpClient Http { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Server = await LocalCloudServer.StartAsync(
            new LocalCloudOptions { Port = 0, MaxRequestBodyBytes = 1024, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning },
            _ => new ServiceSet(new UsageMeter(), [Json, Rest, Special]),
            CancellationToken.None);
        Http.BaseAddress = Server.BaseUrl;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
