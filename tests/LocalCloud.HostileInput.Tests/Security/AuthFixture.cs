namespace LocalCloud.HostileInput.Tests.Security;

/// <summary>A LocalCloud that verifies SigV4 signatures and accepts one key pair, test:test.</summary>
public sealed class AuthFixture : IAsyncLifetime
{
    public const string AccessKey = "test";
    public const string Secret = "test";

    public LocalCloudServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
        => Server = await LocalCloudServer.StartAsync(new LocalCloudOptions
        {
            Port = 0,
            RequireAuth = true,
            Credentials = new Dictionary<string, string>(StringComparer.Ordinal) { [AccessKey] = Secret },
            MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        });

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
