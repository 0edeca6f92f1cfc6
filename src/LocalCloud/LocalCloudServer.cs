using LocalCloud.Core;
using LocalCloud.Core.Usage;
using LocalCloud.Hosting;
using LocalCloud.WebConsole;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalCloud;

/// <summary>
/// LocalCloud on one port: Kestrel plus every emulated service. Used by the LocalCloud executable, by
/// `poc demo` (in-process) and by the end-to-end tests.
/// </summary>
public sealed class LocalCloudServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServiceSet _services;
    private readonly ConsoleEndpoints _console;

    private LocalCloudServer(WebApplication app, ServiceSet services, ConsoleEndpoints console, Uri baseUrl)
    {
        _app = app;
        _services = services;
        _console = console;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The web console on the same port (docs/console.md).</summary>
    public Uri ConsoleUrl => new(BaseUrl, ConsoleEndpoints.Prefix);

    public UsageMeter Usage => _services.Usage;

    public IReadOnlyList<IServiceEndpoint> Services => _services.Endpoints;

    /// <summary>The services themselves, for in-process callers that want more than the wire gives (tests, monitor).</summary>
    public ServiceSet ServiceSet => _services;

    public static Task<LocalCloudServer> StartAsync(LocalCloudOptions options, CancellationToken cancellationToken = default)
        => StartAsync(options, ServiceSet.Create, cancellationToken);

    internal static async Task<LocalCloudServer> StartAsync(LocalCloudOptions options, Func<ServiceSetContext, ServiceSet> createServices, CancellationToken cancellationToken)
    {
        // LocalCloud takes no appsettings.json, yet by default the host watches for one to change: a FileSystemWatcher over
        // the content root (the current directory, where `localcloud` was started) and every directory below it, set up
        // before the first request is served (an eighth of the start-up in a profile, more in a deep working directory).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        // ASP.NET's own per-request logs would drown the services' logs at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Hosting's diagnostics logger writes per-request Information and Debug lines, and a start-up failure that
        // StartAsync throws to the caller anyway; yet while it is enabled at any level ASP.NET starts an Activity and a
        // logging scope for every request (7 % of the bytes allocated in the wire benchmark).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        // Lambda workers hold a long-poll on the Runtime API's /next that never ends by itself, so a graceful
        // drain would always wait out ASP.NET's default 30 s; anything real finishes well inside 2 s.
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.WebHost.UseUrls($"http://{FormatHost(options.Host)}:{options.Port}");

        var app = builder.Build();
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        // Listen first, build the services second: a service restored from --data may resume work in its
        // constructor (an execution invoking Lambda, an overdue schedule firing), and the workers it starts
        // need LocalCloud's address and an answering Runtime API. Requests that arrive meanwhile wait here.
        var ready = new TaskCompletionSource<HttpBridge>(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Run(async context => await (await ready.Task.ConfigureAwait(false)).HandleAsync(context).ConfigureAwait(false));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        var worker = options.RequireAuth ? WorkerCredentials.Mint() : null;
        ServiceSet services;
        try
        {
            services = createServices(new ServiceSetContext(options, loggers, () => baseUrl) { WorkerCredentials = worker });
        }
        catch (Exception e)
        {
            ready.TrySetException(e);
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var authenticator = options.RequireAuth ? new SigV4Authenticator(options.Credentials, worker, options.Time) : null;
        var console = new ConsoleEndpoints(services.Endpoints, services.Usage, options);
        ready.SetResult(new HttpBridge(new ServiceRouter(services.Endpoints), new LocalEndpoints(services.Endpoints, services.Usage, options.ScheduleTimeScale), authenticator, options.MaxRequestBodyBytes, loggers.CreateLogger<HttpBridge>(), console));
        var log = loggers.CreateLogger<LocalCloudServer>();
        Logs.Listening(log, baseUrl, string.Join(", ", services.Endpoints.Select(e => e.Name)));
        Logs.Console(log, new Uri(baseUrl, ConsoleEndpoints.Prefix));
        return new LocalCloudServer(app, services, console, baseUrl);
    }

    private static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;

    public async ValueTask DisposeAsync()
    {
        // Console streams first (they would hold the stop for its whole timeout), then stop taking requests, then let
        // services end their workers and timers.
        _console.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
