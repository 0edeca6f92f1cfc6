using System.Net;
using System.Net.Sockets;
using Poc.Cli.Endpoints;

namespace Poc.Cli.Tests.Endpoints;

public sealed class EmbeddedLocalCloudTests
{
    [Fact]
    public async Task StartAsync_PreferredPortTaken_StartsOnAFreePortAndSaysWhichWasTaken()
    {
        var ct = TestContext.Current.CancellationToken;
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await using var cloud = await EmbeddedLocalCloud.StartAsync(taken, 0.05, ct);

        Assert.Equal(taken, cloud.TakenPort);
        Assert.NotEqual(taken, cloud.BaseUrl.Port);
        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri(cloud.BaseUrl, "_localcloud/health"), ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task StartAsync_PreferredPortFree_UsesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        int free;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            free = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var cloud = await EmbeddedLocalCloud.StartAsync(free, 0.05, ct);

        Assert.Null(cloud.TakenPort);
        Assert.Equal(free, cloud.BaseUrl.Port);
    }
}
