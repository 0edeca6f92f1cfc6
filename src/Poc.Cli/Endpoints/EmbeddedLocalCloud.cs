using LocalCloud;
using LocalCloud.Lambda;
using Microsoft.Extensions.Logging;
using Poc.Cli.Cost;
using Poc.Cli.Deploy;

namespace Poc.Cli.Endpoints;

/// <summary>
/// The LocalCloud poc demo and poc report start in-process: on the preferred port, or on a free one when that is taken,
/// and stopped in about a second rather than the host's 30-second graceful shutdown.
/// </summary>
public sealed class EmbeddedLocalCloud : IAsyncDisposable
{
    private readonly LocalCloudServer server;

    private EmbeddedLocalCloud(LocalCloudServer server, int? takenPort)
    {
        this.server = server;
        TakenPort = takenPort;
    }

    /// <summary>Where LocalCloud answers.</summary>
    public Uri BaseUrl => server.BaseUrl;

    /// <summary>The preferred port when something else had it (so a free port was used), else null.</summary>
    public int? TakenPort { get; }

    /// <summary>The server itself, for in-process readers (usage meter, recent invocations).</summary>
    public LocalCloudServer Server => server;

    /// <summary>Starts LocalCloud on <paramref name="preferredPort"/>, or on a free port when it is taken.</summary>
    public static async Task<EmbeddedLocalCloud> StartAsync(int preferredPort, double scheduleTimeScale, CancellationToken ct)
    {
        LocalCloudOptions Options(int port) => new() { Port = port, ScheduleTimeScale = scheduleTimeScale, MinimumLogLevel = LogLevel.Warning };
        try
        {
            return new(await LocalCloudServer.StartAsync(Options(preferredPort), ct), null);
        }
        catch (IOException) when (preferredPort != 0)
        {
            // Kestrel reports a bound port as IOException (inner AddressInUseException). The embedded LocalCloud is
            // private to this command, so any free port serves as well.
            return new(await LocalCloudServer.StartAsync(Options(0), ct), preferredPort);
        }
    }

    /// <summary>
    /// True when every poc-poller invocation counted since <paramref name="since"/> (the last usage reset) has ended and
    /// been billed: Lambda counts a request when it starts and its GB-seconds when it ends. Only an in-process LocalCloud
    /// can tell; over HTTP the usage endpoint has counters but no list of running invocations.
    /// </summary>
    public bool SweepsFinishedSince(DateTimeOffset since)
    {
        var started = server.Usage.Get(UsageMetrics.Lambda, UsageMetrics.Requests, PocResources.PollerFunction);
        var ended = server.ServiceSet.Get<LambdaService>().RecentInvocations(500)
            .Count(r => r.FunctionName == PocResources.PollerFunction && r.Start >= since);
        return ended >= started;
    }

    /// <summary>Stops LocalCloud: the host (2 s at most for open requests), then the services and their workers.</summary>
    public ValueTask DisposeAsync() => server.DisposeAsync();
}
