using LocalCloud.Testing;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;

[assembly: AssemblyFixture(typeof(EndToEnd.Tests.DeployedLocalCloud))]

namespace EndToEnd.Tests;

/// <summary>
/// The whole product in this process: LocalCloud on a free port with schedules scaled 20× (rate(1 minute)
/// fires every 3 s), and poc's real deployer putting the real function package, tables, both state
/// machines and the poller schedule on it. Shared by every end-to-end test; deployed once.
/// </summary>
public sealed class DeployedLocalCloud : IAsyncLifetime
{
    public const double ScheduleTimeScale = 0.05;

    public LocalCloudFixture Cloud { get; private set; } = null!;
    public PocEnvironment Env { get; private set; } = null!;
    public DeployResult Deployed { get; private set; } = null!;
    public PollerPlan Poller { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Cloud = await LocalCloudFixture.StartAsync(LocalCloudFixture.DefaultOptions with { ScheduleTimeScale = ScheduleTimeScale });
        Env = PocEnvironment.ForLocalCloud(Cloud.Endpoint, ScheduleTimeScale);
        Poller = PollerPlan.Resolve(new Poc.Cli.Cli.PollerArgs(null, null, null), Env.Kind, Env.ScheduleTimeScale);
        Deployed = await Deployer.DeployAsync(Env, progress: null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Env.Dispose();
        await Cloud.DisposeAsync();
    }
}
