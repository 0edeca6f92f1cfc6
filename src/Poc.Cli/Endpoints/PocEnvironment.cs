using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Aws.Clients;
using Aws.Clients.Lambda;
using Aws.Clients.Scheduler;
using Aws.Clients.StepFunctions;

namespace Poc.Cli.Endpoints;

/// <summary>
/// Where poc works (endpoint, region, role, credentials, what kind of endpoint it is) and the clients that reach it.
/// Build it with <see cref="ResolveAsync"/> from the command line, or <see cref="ForLocalCloud"/> in-process.
/// </summary>
public sealed class PocEnvironment : IDisposable
{
    private readonly Func<string, string?> env;
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Lazy<AmazonDynamoDBClient> dynamoDb;
    private string? repoRoot;

    /// <summary>Creates the environment; prefer the factories.</summary>
    public PocEnvironment(EndpointSettings settings, Uri? endpoint, EndpointKind kind, StaticCredentials? credentials, Func<string, string?>? environment = null)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Endpoint = endpoint;
        Kind = kind;
        Credentials = credentials;
        env = environment ?? Environment.GetEnvironmentVariable;
        dynamoDb = new Lazy<AmazonDynamoDBClient>(CreateDynamoDb);
        StepFunctions = new StepFunctionsClient(ClientConfig());
        Lambda = new LambdaClient(ClientConfig());
        Scheduler = new SchedulerClient(ClientConfig());
    }

    /// <summary>The endpoint, region and role as given.</summary>
    public EndpointSettings Settings { get; }

    /// <summary>The endpoint every service is reached at; null for the public AWS endpoints.</summary>
    public Uri? Endpoint { get; }

    /// <summary>What answers at the endpoint.</summary>
    public EndpointKind Kind { get; }

    /// <summary>Explicit credentials, or null to let the AWS credential chain decide (AWS only).</summary>
    public StaticCredentials? Credentials { get; }

    /// <summary>LocalCloud's schedule time scale (0.05 makes rate(1 minute) fire every 3 s), when known.</summary>
    public double? ScheduleTimeScale { get; init; }

    /// <summary>The query language the deployed workflows are written in (from --query-language).</summary>
    public Deploy.WorkflowFlavour Flavour => Settings.Flavour;

    /// <summary>The REST job API the functions are deployed to call (JOB_API_URL); null for the simulated API Lambda.</summary>
    public Uri? JobApiUrl { get; init; }

    /// <summary>The clock every wait and timestamp uses.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The region.</summary>
    public string Region => Settings.Region;

    /// <summary>The role Lambda, Step Functions and Scheduler get.</summary>
    public string RoleArn => Settings.RoleArn;

    /// <summary>The repository root (for the function package and the ASL files); found by walking up when not set.</summary>
    public string RepoRoot
    {
        get => repoRoot ??= Endpoints.RepoRoot.Find();
        init => repoRoot = value;
    }

    /// <summary>Step Functions.</summary>
    public StepFunctionsClient StepFunctions { get; }

    /// <summary>Lambda.</summary>
    public LambdaClient Lambda { get; }

    /// <summary>EventBridge Scheduler.</summary>
    public SchedulerClient Scheduler { get; }

    /// <summary>DynamoDB, through the real AWS SDK.</summary>
    public IAmazonDynamoDB DynamoDb => dynamoDb.Value;

    /// <summary>A short description for headers: "LocalCloud at http://127.0.0.1:4566 (us-east-1)".</summary>
    public string Describe() => $"{Kind} at {Endpoint?.ToString().TrimEnd('/') ?? "public AWS endpoints"} ({Region})";

    /// <summary>Resolves the command line's settings: credentials from the environment, then probes the endpoint.</summary>
    public static async Task<PocEnvironment> ResolveAsync(EndpointSettings settings, Func<string, string?> environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var fromEnv = StaticCredentials.FromEnvironment(environment);
        if (string.Equals(settings.Endpoint, EndpointSettings.AwsKeyword, StringComparison.OrdinalIgnoreCase))
        {
            return new PocEnvironment(settings, null, EndpointKind.Aws, fromEnv, environment);
        }

        var endpoint = new Uri(settings.Endpoint);
        using var probeClient = new HttpClient();
        var (kind, scale) = await EndpointProbe.ProbeAsync(endpoint, probeClient, ct);
        var credentials = fromEnv ?? (kind == EndpointKind.Aws ? null : StaticCredentials.Test);
        return new PocEnvironment(settings, endpoint, kind, credentials, environment) { ScheduleTimeScale = scale };
    }

    /// <summary>An environment for a LocalCloud running in this process (poc demo, end-to-end tests).</summary>
    public static PocEnvironment ForLocalCloud(Uri baseUrl, double scheduleTimeScale, string? repoRoot = null, Deploy.WorkflowFlavour flavour = Deploy.WorkflowFlavour.JsonPath)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var settings = new EndpointSettings(baseUrl.ToString(), EndpointSettings.DefaultRegion, EndpointSettings.DefaultRoleArn, flavour);
        var environment = new PocEnvironment(settings, baseUrl, EndpointKind.LocalCloud, StaticCredentials.Test, _ => null)
        {
            ScheduleTimeScale = scheduleTimeScale,
        };
        return repoRoot is null ? environment : environment.WithRepoRoot(repoRoot);
    }

    /// <summary>The same environment reading sources from <paramref name="root"/>.</summary>
    public PocEnvironment WithRepoRoot(string root)
        => new(Settings, Endpoint, Kind, Credentials, env) { ScheduleTimeScale = ScheduleTimeScale, Time = Time, RepoRoot = root, JobApiUrl = JobApiUrl };

    /// <summary>The same environment deploying the functions to call the REST job API at <paramref name="url"/>.</summary>
    public PocEnvironment WithJobApi(Uri url)
        => new(Settings, Endpoint, Kind, Credentials, env) { ScheduleTimeScale = ScheduleTimeScale, Time = Time, RepoRoot = RepoRoot, JobApiUrl = url };

    /// <inheritdoc />
    public void Dispose()
    {
        if (dynamoDb.IsValueCreated)
        {
            dynamoDb.Value.Dispose();
        }

        http.Dispose();
    }

    private AwsClientConfig ClientConfig() => new()
    {
        ServiceUrl = Endpoint?.ToString(),
        Region = Region,
        Credentials = Credentials is { } c ? new AwsCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken) : null,
        // The clients time each attempt themselves (AwsClientConfig.Timeout), so the shared HttpClient must not.
        HttpClient = http,
        TimeProvider = Time,
        // With --endpoint aws an AWS_ENDPOINT_URL left in the shell must not redirect the clients.
        EnvironmentVariables = name => Endpoint is null && name.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal) ? null : env(name),
    };

    private AmazonDynamoDBClient CreateDynamoDb()
    {
        var config = new AmazonDynamoDBConfig();
        if (Endpoint is not null)
        {
            config.ServiceURL = Endpoint.ToString();
            config.AuthenticationRegion = Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Region);
        }

        return Credentials is { } c
            ? new AmazonDynamoDBClient(
                c.SessionToken is null ? new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey) : new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken),
                config)
            : new AmazonDynamoDBClient(config);
    }
}
