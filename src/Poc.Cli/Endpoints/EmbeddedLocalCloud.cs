using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Cli.Cost;
using Poc.Cli.Deploy;
using Poc.Cli.Monitor;

namespace Poc.Cli.Endpoints;

/// <summary>
/// The LocalCloud poc demo and poc report start in-process: on the preferred port, or on a free one when that is taken,
/// and stopped in about a second rather than the host's 30-second graceful shutdown. Past starting it, poc talks to it
/// over HTTP only, as to any other endpoint.
/// </summary>
public sealed class EmbeddedLocalCloud : IAsyncDisposable
{
    private readonly LocalCloudServer server;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private EmbeddedLocalCloud(LocalCloudServer server, int? takenPort)
    {
        this.server = server;
        TakenPort = takenPort;
    }

    /// <summary>Where LocalCloud answers.</summary>
    public Uri BaseUrl => server.BaseUrl;

    /// <summary>LocalCloud's web console, where each execution can be watched live (docs/console.md).</summary>
    public Uri ConsoleUrl => server.ConsoleUrl;

    /// <summary>The preferred port when something else had it (so a free port was used), else null.</summary>
    public int? TakenPort { get; }

    /// <summary>Starts LocalCloud on <paramref name="preferredPort"/>, or on a free port when it is taken.</summary>
    /// <param name="mockConfigPath">A Step Functions Local mock configuration to start LocalCloud with (poc test --mocked).</param>
    public static async Task<EmbeddedLocalCloud> StartAsync(int preferredPort, double scheduleTimeScale, CancellationToken ct, string? mockConfigPath = null)
    {
        LocalCloudOptions Options(int port) => new() { Port = port, ScheduleTimeScale = scheduleTimeScale, MinimumLogLevel = LogLevel.Warning, MockConfigPath = mockConfigPath };
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
    /// been billed: Lambda counts a request when it starts (GET /_localcloud/usage) and lists the invocation when it
    /// ends (GET /_localcloud/lambda/invocations).
    /// </summary>
    public async Task<bool> SweepsFinishedSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        var usage = LocalCloudUsage.ReadAsync(http, BaseUrl, ct);
        var recent = LambdaInvocations.ReadAsync(http, BaseUrl, LambdaInvocations.MaxKept, ct);
        await Task.WhenAll(usage, recent);
        var started = (await usage).Where(r => r is { Service: UsageMetrics.Lambda, Metric: UsageMetrics.Requests, Resource: PocResources.PollerFunction }).Sum(r => r.Amount);
        var ended = (await recent).Count(r => r.FunctionName == PocResources.PollerFunction && r.Start >= since);
        return ended >= started;
    }

    /// <summary>Stops LocalCloud: the host (2 s at most for open requests), then the services and their workers.</summary>
    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }
}
