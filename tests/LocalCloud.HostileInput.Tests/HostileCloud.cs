using LocalCloud.Testing;

namespace LocalCloud.HostileInput.Tests;

/// <summary>One real LocalCloud on a free port, with the known resources created, shared by the hostile-input tests of a class.</summary>
public sealed class HostileCloud : IAsyncLifetime
{
    public LocalCloudFixture Cloud { get; private set; } = null!;

    public HostileClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Critical only: every hostile request would otherwise log its refusal.
        Cloud = await LocalCloudFixture.StartAsync(LocalCloudFixture.DefaultOptions with { MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Critical });
        Client = new HostileClient(Cloud.Endpoint);
        await KnownResources.CreateAsync(Client, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Cloud.DisposeAsync();
}
