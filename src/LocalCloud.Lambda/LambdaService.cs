using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.Core.Ports;
using LocalCloud.Core.Protocols;
using LocalCloud.Core.Usage;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Operations;
using LocalCloud.Lambda.Execution;
using LocalCloud.Lambda.Functions;
using LocalCloud.Lambda.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalCloud.Lambda;

/// <summary>
/// AWS Lambda (restJson1, API version 2015-03-31) with functions running in worker processes that talk to the
/// Lambda Runtime API served here under <see cref="RuntimePathPrefix"/>. Also the in-process
/// <see cref="ILambdaInvoker"/> that Step Functions and Scheduler use.
/// </summary>
public sealed class LambdaService : IServiceEndpoint, ILambdaInvoker, IAsyncDisposable
{
    /// <summary>Each worker's Runtime API lives at {base}/_localcloud/lambda-runtime/{workerId}/2018-06-01/runtime/...</summary>
    public const string RuntimePathPrefix = WorkerLauncher.RuntimePathPrefix;

    /// <summary>GetFunction's Code.Location points here: GET {base}/_localcloud/lambda-runtime/code/{account}/{region}/{name}/{revision}.zip.</summary>
    public const string CodePathPrefix = RuntimePathPrefix + "code/";

    private readonly RestJsonRouter _router = new();
    private readonly InvocationEngine _engine;
    private readonly LambdaBackend _state;
    private readonly Invoke _invoke;
    private readonly LambdaOptions _options;

    /// <param name="durable">
    /// With --data, where functions and queued Event invocations are kept (collections lambda.functions and
    /// lambda.events); they are loaded here. Code zips stay under <see cref="LambdaOptions.DataDirectory"/>, which must
    /// then be a lasting folder too. Null keeps everything in memory.
    /// </param>
    public LambdaService(LambdaOptions options, TimeProvider time, UsageMeter usage, ILoggerFactory? loggers = null, IDurableStore? durable = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        durable ??= NoDurableStore.Instance;
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("LocalCloud.Lambda");
        _engine = new InvocationEngine(options, time, usage, logger);
        var durableFunctions = durable.IsDurable ? new DurableFunctionStore(durable, options.DataDirectory) : null;
        IFunctionStore store = (IFunctionStore?)durableFunctions ?? new InMemoryFunctionStore();
        var limiter = new ConcurrencyLimiter();
        var versions = new VersionStore(durable, options.DataDirectory);
        Lifecycle = new FunctionLifecycle(store, _engine, logger);
        Events = new EventQueue(store, versions, _engine, limiter, new EventJournal(durable), time, logger);
        _state = new LambdaBackend(store, _engine, options, time, Lifecycle, limiter, Events, versions);
        _invoke = new Invoke(_state);
        _router
            .Add("POST", "/2015-03-31/functions", new CreateFunction(_state).HandleAsync)
            .Add("GET", "/2015-03-31/functions", new ListFunctions(_state).HandleAsync)
            .Add("GET", "/2015-03-31/functions/{FunctionName}", new GetFunction(_state).HandleAsync)
            .Add("DELETE", "/2015-03-31/functions/{FunctionName}", new DeleteFunction(_state).HandleAsync)
            .Add("GET", "/2015-03-31/functions/{FunctionName}/configuration", new GetFunctionConfiguration(_state).HandleAsync)
            .Add("PUT", "/2015-03-31/functions/{FunctionName}/configuration", new UpdateFunctionConfiguration(_state).HandleAsync)
            .Add("PUT", "/2015-03-31/functions/{FunctionName}/code", new UpdateFunctionCode(_state).HandleAsync)
            .Add("POST", "/2015-03-31/functions/{FunctionName}/invocations", _invoke.HandleAsync)
            .Add("PUT", "/2019-09-25/functions/{FunctionName}/event-invoke-config", new PutFunctionEventInvokeConfig(_state).HandleAsync)
            .Add("POST", "/2019-09-25/functions/{FunctionName}/event-invoke-config", new UpdateFunctionEventInvokeConfig(_state).HandleAsync)
            .Add("GET", "/2019-09-25/functions/{FunctionName}/event-invoke-config", new GetFunctionEventInvokeConfig(_state).HandleAsync)
            .Add("DELETE", "/2019-09-25/functions/{FunctionName}/event-invoke-config", new DeleteFunctionEventInvokeConfig(_state).HandleAsync)
            .Add("GET", "/2019-09-25/functions/{FunctionName}/event-invoke-config/list", new ListFunctionEventInvokeConfigs(_state).HandleAsync)
            .Add("PUT", "/2017-10-31/functions/{FunctionName}/concurrency", new PutFunctionConcurrency(_state).HandleAsync)
            .Add("GET", "/2019-09-30/functions/{FunctionName}/concurrency", new GetFunctionConcurrency(_state).HandleAsync)
            .Add("DELETE", "/2017-10-31/functions/{FunctionName}/concurrency", new DeleteFunctionConcurrency(_state).HandleAsync)
            .Add("POST", "/2017-03-31/tags/{Resource}", new TagResource(_state).HandleAsync)
            .Add("DELETE", "/2017-03-31/tags/{Resource}", new UntagResource(_state).HandleAsync)
            .Add("GET", "/2017-03-31/tags/{Resource}", new ListTags(_state).HandleAsync)
            .Add("GET", "/2016-08-19/account-settings", new GetAccountSettings(_state).HandleAsync)
            .Add("POST", "/2015-03-31/functions/{FunctionName}/versions", new PublishVersion(_state).HandleAsync)
            .Add("GET", "/2015-03-31/functions/{FunctionName}/versions", new ListVersionsByFunction(_state).HandleAsync)
            .Add("POST", "/2015-03-31/functions/{FunctionName}/aliases", new CreateAlias(_state).HandleAsync)
            .Add("GET", "/2015-03-31/functions/{FunctionName}/aliases", new ListAliases(_state).HandleAsync)
            .Add("GET", "/2015-03-31/functions/{FunctionName}/aliases/{Name}", new GetAlias(_state).HandleAsync)
            .Add("PUT", "/2015-03-31/functions/{FunctionName}/aliases/{Name}", new UpdateAlias(_state).HandleAsync)
            .Add("DELETE", "/2015-03-31/functions/{FunctionName}/aliases/{Name}", new DeleteAlias(_state).HandleAsync);
        foreach (var (operation, method, uri) in NotImplementedOperations.All)
        {
            _router.Add(method, uri, (_, _, _) => throw LambdaErrors.NotImplemented(operation));
        }
        if (durableFunctions is not null)
        {
            var functions = durableFunctions.Load();
            foreach (var function in functions)
            {
                Lifecycle.Resume(function);
            }
            RestoreVersionCode(versions.Load((account, region, name) => store.Find(account, region, name) is not null));
            logger.Restored(functions.Count, Events.Restore());
        }
        PathPrefixes = [.. new[] { "/2015-03-31/", "/2016-08-19/", "/2017-03-31/", "/2017-10-31/", "/2019-09-25/", "/2019-09-30/", RuntimePathPrefix }.Concat(NotImplementedOperations.PathPrefixes).Distinct(StringComparer.Ordinal)];
    }

    public string Name => "lambda";

    public IReadOnlyList<string> TargetPrefixes => [];

    public IReadOnlyList<string> PathPrefixes { get; }

    public async Task<ServiceResponse> HandleAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path.StartsWith(CodePathPrefix, StringComparison.Ordinal))
        {
            return DownloadCode(request);
        }
        if (request.Path.StartsWith(RuntimePathPrefix, StringComparison.Ordinal))
        {
            return await _engine.RuntimeApi.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        return await _router.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public Task<LambdaInvokeResult> InvokeAsync(LambdaInvokeRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        // Callers in-process may reuse one context for many invocations; each invocation needs its own request id.
        return _invoke.InvokeAsync(request, context with { RequestId = Guid.NewGuid().ToString() }, tailLog: false, cancellationToken);
    }

    /// <summary>The latest finished invocations, newest first (for the monitor): durations, cold starts, errors.</summary>
    public IReadOnlyList<LambdaInvocationRecord> RecentInvocations(int max = 100) => _engine.Recent(max);

    /// <summary>Creation and update steps that finish in the background (tests wait on them).</summary>
    internal FunctionLifecycle Lifecycle { get; }

    /// <summary>The asynchronous invocation queue (tests observe its retries).</summary>
    internal EventQueue Events { get; }

    public async ValueTask DisposeAsync()
    {
        Events.Stop();
        await _engine.DisposeAsync().ConfigureAwait(false);
        await Events.DisposeAsync().ConfigureAwait(false);
        await Lifecycle.DrainAsync().ConfigureAwait(false);
        if (_options.DataDirectory == _options.ScratchDirectory && Directory.Exists(_options.DataDirectory))
        {
            try
            {
                Directory.Delete(_options.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Scratch space in the temp folder: leaving it behind is harmless.
            }
        }
    }

    /// <summary>A published version's unpacked code normally survives on disk; if it is gone, unpack its kept zip again.</summary>
    private static void RestoreVersionCode(IReadOnlyList<Functions.FunctionRecord> versions)
    {
        foreach (var version in versions.Where(v => !Directory.Exists(v.Code.TaskRoot) && File.Exists(v.Code.ZipPath)))
        {
            CodePackage.Extract(version.Code);
        }
    }

    private ServiceResponse DownloadCode(ServiceRequest request)
    {
        // {account}/{region}/{name}/{revision}.zip
        var parts = request.Path[CodePathPrefix.Length..].Split('/');
        var latest = parts.Length == 4 && parts[3].EndsWith(".zip", StringComparison.Ordinal)
            ? _state.Store.Find(parts[0], parts[1], parts[2])
            : null;
        var revision = latest is null ? null : Uri.UnescapeDataString(parts[3][..^4]);
        // A published version's code is named by the version's own RevisionId.
        var function = latest is null || latest.RevisionId == revision
            ? latest
            : _state.Versions.Versions(latest.AccountId, latest.Region, latest.FunctionName).FirstOrDefault(v => v.RevisionId == revision);
        if (function is null || !File.Exists(function.Code.ZipPath))
        {
            return AwsErrors.RestJson(LambdaErrors.FunctionNotFound(request.Path));
        }
        return new ServiceResponse(200, File.ReadAllBytes(function.Code.ZipPath), "application/zip", new Dictionary<string, string>());
    }
}
