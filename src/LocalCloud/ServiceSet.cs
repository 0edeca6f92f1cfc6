using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.Core.Usage;
using LocalCloud.DynamoDb;
using LocalCloud.Lambda;
using LocalCloud.Persistence;
using LocalCloud.Scheduler;
using LocalCloud.StepFunctions;
using LocalCloud.Wiring;
using Microsoft.Extensions.Logging;

namespace LocalCloud;

/// <summary>The composition root: every emulated service, built once and wired to each other in-process.</summary>
public sealed class ServiceSet : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<IDisposable> _disposables = [];

    public ServiceSet(UsageMeter usage, IReadOnlyList<IServiceEndpoint> endpoints, IDurableStore? durable = null)
    {
        Usage = usage;
        Endpoints = endpoints;
        Durable = durable ?? NoDurableStore.Instance;
        _owned.AddRange(endpoints.OfType<IAsyncDisposable>());
        _disposables.AddRange(endpoints.OfType<IDisposable>().Where(e => e is not IAsyncDisposable));
        // Last to go: services may still write while they shut down.
        if (durable is IDisposable store)
        {
            _disposables.Add(store);
        }
    }

    /// <summary>Where the services keep their state: SQLite under --data, nothing otherwise.</summary>
    public IDurableStore Durable { get; }

    public UsageMeter Usage { get; }

    public IReadOnlyList<IServiceEndpoint> Endpoints { get; }

    /// <summary>One service by type, for in-process callers (tests, the monitor).</summary>
    public T Get<T>() where T : IServiceEndpoint => Endpoints.OfType<T>().Single();

    public static ServiceSet Create(ServiceSetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var time = options.Time;
        var usage = new UsageMeter();
        var lambdaOptions = new LambdaOptions
        {
            // Workers reach the Runtime API, and call AWS services back, on LocalCloud's own address.
            RuntimeApiBaseUrl = context.BaseUrl,
            AwsEndpointUrl = context.BaseUrl,
            MaxWorkersPerFunction = options.LambdaWorkersPerFunction,
        };
        if (context.WorkerCredentials is { } worker)
        {
            lambdaOptions.WorkerSecretAccessKey = worker.SecretAccessKey;
            lambdaOptions.WorkerSessionToken = worker.SessionToken;
        }
        IDurableStore durable = NoDurableStore.Instance;
        if (options.DataDirectory is not null)
        {
            lambdaOptions.DataDirectory = Path.Combine(options.DataDirectory, "lambda");
            durable = new SqliteDurableStore(options.DataDirectory);
        }
        var lambda = new LambdaService(lambdaOptions, time, usage, context.Loggers, durable);
        var dynamodb = new DynamoDbService(time, usage, context.Loggers.CreateLogger<DynamoDbService>(), durable);
        var mocks = options.MockConfigPath is { } mockPath ? StepFunctions.Mocks.MockConfigSource.Load(mockPath, context.Loggers.CreateLogger<StepFunctionsService>()) : null;
        mocks?.WatchForChanges();
        // aws-sdk tasks and Scheduler's targets call the services through one invoker, connected once they all exist.
        var sdk = new AwsSdkInvoker();
        var states = new StepFunctionsService(time, lambda, usage, context.Loggers.CreateLogger<StepFunctionsService>(), new DynamoDbTaskInvoker(dynamodb), durable, mocks: mocks, awsSdk: sdk);
        var scheduler = new SchedulerService(new SchedulerOptions { TimeScale = options.ScheduleTimeScale }, time, lambda, usage, context.Loggers.CreateLogger<SchedulerService>(), durable, new SchedulerSdkTargets(sdk));
        sdk.Connect(states, lambda, dynamodb, scheduler);
        // Disposal runs in reverse: Scheduler and Step Functions stop calling before Lambda's workers go.
        var set = new ServiceSet(usage, [lambda, dynamodb, states, scheduler], durable);
        if (mocks is not null)
        {
            set._disposables.Add(mocks);
        }
        return set;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().ConfigureAwait(false);
        }
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }
}
