using LocalCloud.Testing;
[assembly: AssemblyFixture(typeof(LocalCloud.Lambda.Tests.Infrastructure.LambdaFixture))]

namespace LocalCloud.Lambda.Tests.Infrastructure;

/// <summary>Shared by every test: the published test function's zip and one served LambdaService.</summary>
public sealed class LambdaFixture : IAsyncLifetime
{
    private TestHost? _host;
    private byte[]? _zip;
    private byte[]? _standardZip;

    public TestHost Host => _host ?? throw new InvalidOperationException("Fixture not initialised.");

    public byte[] Zip => _zip ?? throw new InvalidOperationException("Fixture not initialised.");

    /// <summary>StandardFunction: written in AWS's standard .NET handler model (POCOs, ILambdaContext, [LambdaSerializer]).</summary>
    public byte[] StandardZip => _standardZip ?? throw new InvalidOperationException("Fixture not initialised.");

    public LambdaApi Api => new(Host.Service);

    /// <summary>The service as Step Functions and Scheduler see it.</summary>
    public LocalCloud.Core.Ports.ILambdaInvoker Invoker => Host.Service;

    public async ValueTask InitializeAsync()
    {
        _zip = await FunctionPackage.GetAsync(typeof(LambdaFixture).Assembly, "TestFunctionProject");
        _standardZip = await FunctionPackage.GetAsync(typeof(LambdaFixture).Assembly, "StandardFunctionProject");
        _host = await TestHost.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(64, prefix.Length + 13)];
}
