using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Aws.Clients;
using Aws.Clients.Lambda;
using Aws.Clients.StepFunctions;
using LocalCloud.Core;
using LocalCloud.StepFunctions;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Testing;

/// <summary>
/// The real LocalCloud in the test's process: <c>await using var cloud = await LocalCloudFixture.StartAsync();</c>. It
/// listens on a free port and hands out its endpoint, region and credentials, AWS client configurations that point at
/// it (and ignore the developer's AWS_* environment and profiles), and helpers to deploy a function and a state machine.
/// Give <see cref="LocalCloudOptions.Time"/> a FakeTimeProvider to drive schedules, waits and timeouts without waiting.
/// </summary>
public sealed class LocalCloudFixture : IAsyncDisposable
{
    /// <summary>A role ARN in LocalCloud's account; LocalCloud checks that a role is given, not what it allows.</summary>
    public const string RoleArn = "arn:aws:iam::" + RequestContext.DefaultAccountId + ":role/localcloud-test";

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private LocalCloudFixture(LocalCloudServer server, LocalCloudOptions options)
    {
        Server = server;
        Options = options;
        Credentials = options.RequireAuth && options.Credentials.Count > 0
            ? new AwsCredentials(options.Credentials.First().Key, options.Credentials.First().Value)
            : new AwsCredentials("test", "test");
    }

    /// <summary>A free port, services' logs at Warning and above: what a test suite usually wants.</summary>
    public static LocalCloudOptions DefaultOptions { get; } = new() { Port = 0, MinimumLogLevel = LogLevel.Warning };

    /// <summary>The running server, for what the wire does not give (usage, the services in-process).</summary>
    public LocalCloudServer Server { get; }

    /// <summary>The options it was started with.</summary>
    public LocalCloudOptions Options { get; }

    /// <summary>The base URL every service answers on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint => Server.BaseUrl;

    /// <summary>The region LocalCloud's ARNs name.</summary>
    public string Region { get; } = RequestContext.DefaultRegion;

    /// <summary>The account LocalCloud's ARNs name.</summary>
    public string AccountId { get; } = RequestContext.DefaultAccountId;

    /// <summary>Credentials that sign acceptably: the first configured pair under RequireAuth, else test/test.</summary>
    public AwsCredentials Credentials { get; }

    /// <summary>The clock LocalCloud runs on (a FakeTimeProvider when the test gave one).</summary>
    public TimeProvider Time => Options.Time;

    /// <summary>Starts LocalCloud with <paramref name="options"/> (default <see cref="DefaultOptions"/>) and returns once it answers.</summary>
    public static async Task<LocalCloudFixture> StartAsync(LocalCloudOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= DefaultOptions;
        var server = await LocalCloudServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new LocalCloudFixture(server, options);
    }

    /// <summary>A fresh Aws.Clients configuration for this LocalCloud (a new object each call: callers may tune it).</summary>
    public AwsClientConfig ClientConfig() => new()
    {
        ServiceUrl = Endpoint.ToString(),
        Region = Region,
        Credentials = Credentials,
        // The developer's AWS_ENDPOINT_URL_* or AWS_REGION must not redirect a test.
        EnvironmentVariables = _ => null,
    };

    /// <summary>A fresh AWSSDK.DynamoDBv2 configuration for this LocalCloud.</summary>
    public AmazonDynamoDBConfig DynamoDbConfig() => new()
    {
        ServiceURL = Endpoint.ToString(),
        AuthenticationRegion = Region,
    };

    /// <summary>An AWSSDK.DynamoDBv2 client for this LocalCloud, signed with <see cref="Credentials"/>.</summary>
    public AmazonDynamoDBClient CreateDynamoDbClient()
        => new(new BasicAWSCredentials(Credentials.AccessKeyId, Credentials.SecretAccessKey), DynamoDbConfig());

    /// <summary>
    /// Creates a function from <paramref name="zip"/> (see <see cref="FunctionPackage"/>) and returns its ARN once it is
    /// Active, so the first invocation does not race the code's unpacking.
    /// </summary>
    public async Task<string> DeployFunctionAsync(string name, byte[] zip, string handler, string runtime = "dotnet8", int timeoutSeconds = 30, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var lambda = new LambdaClient(ClientConfig());
        var created = await lambda.CreateFunctionAsync(new CreateFunctionRequest
        {
            FunctionName = name,
            Role = RoleArn,
            Runtime = runtime,
            Handler = handler,
            Timeout = timeoutSeconds,
            Code = new FunctionCode { ZipFile = zip },
            Environment = environment is null ? null : new FunctionEnvironment { Variables = environment },
        }, cancellationToken).ConfigureAwait(false);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(Guard);
        while (true)
        {
            var state = (await lambda.GetFunctionAsync(new GetFunctionRequest { FunctionName = name }, guard.Token).ConfigureAwait(false)).Configuration?.State;
            if (state != "Pending")
            {
                return state == "Active"
                    ? created.FunctionArn ?? throw new InvalidOperationException($"CreateFunction {name} answered no FunctionArn.")
                    : throw new InvalidOperationException($"Function {name} ended {state}, not Active.");
            }
            // Activation is real work in real time (unzipping), not LocalCloud's clock, so this polls the wall clock.
            await Task.Delay(TimeSpan.FromMilliseconds(25), guard.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Creates a state machine from its ASL <paramref name="definition"/> and returns its ARN.</summary>
    public async Task<string> CreateStateMachineAsync(string name, string definition, string type = "STANDARD", CancellationToken cancellationToken = default)
    {
        var states = new StepFunctionsClient(ClientConfig());
        var created = await states.CreateStateMachineAsync(new CreateStateMachineRequest { Name = name, Definition = definition, RoleArn = RoleArn, Type = type }, cancellationToken).ConfigureAwait(false);
        return created.StateMachineArn;
    }

    /// <summary>
    /// Completes when the execution has left RUNNING (at most <paramref name="timeout"/>, default 60 s of wall-clock time)
    /// and returns its description as the wire gives it. LocalCloud signals the end in-process, so nothing polls.
    /// </summary>
    public async Task<DescribeExecutionResponse> WaitForExecutionAsync(string executionArn, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        await StepFunctions.WaitForExecutionAsync(executionArn, cancellationToken).WaitAsync(timeout ?? Guard, cancellationToken).ConfigureAwait(false);
        return await new StepFunctionsClient(ClientConfig()).DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes when the execution waits on a timer or a callback, or has ended. With a FakeTimeProvider, await this
    /// before each Advance: a Wait state's timer is set only once the execution reaches it.
    /// </summary>
    public Task WaitForIdleAsync(string executionArn, CancellationToken cancellationToken = default)
        => StepFunctions.WaitForIdleAsync(executionArn, cancellationToken).WaitAsync(Guard, cancellationToken);

    private StepFunctionsService StepFunctions => Server.ServiceSet.Get<StepFunctionsService>();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
