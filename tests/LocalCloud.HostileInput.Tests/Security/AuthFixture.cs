using LocalCloud.Testing;

namespace LocalCloud.HostileInput.Tests.Security;

/// <summary>A LocalCloud that verifies SigV4 signatures and accepts one key pair, test:test.</summary>
public sealed class AuthFixture : IAsyncLifetime
{
    public const string AccessKey = "test";
    public const string Secret = "test";

    public LocalCloudFixture Cloud { get; private set; } = null!;

    public async ValueTask InitializeAsync()
        => Cloud = await LocalCloudFixture.StartAsync(LocalCloudFixture.DefaultOptions with
        {
            RequireAuth = true,
            Credentials = new Dictionary<string, string>(StringComparer.Ordinal) { [AccessKey] = Secret },
        });

    public ValueTask DisposeAsync() => Cloud.DisposeAsync();
}
