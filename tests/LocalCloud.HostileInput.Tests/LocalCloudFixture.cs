namespace LocalCloud.HostileInput.Tests;

/// <summary>One real LocalCloud on a free port, shared by the hostile-input tests of a class.</summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    public LocalCloudServer Server { get; private set; } = null!;

    public HostileClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Critical });
        Client = new HostileClient(Server.BaseUrl);
        await KnownResources.CreateAsync(Client, CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
